package org.rnnbench.harness.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.rnnbench.core.run.RunParams;

/** The names a plan gives on disk: a unit's initial-weights file and a results directory for a set of units. */
public final class UnitNames {
    private UnitNames() {
    }

    /**
     * The initial weights' file name of a unit, from what determines the weights: task (its input and output
     * sizes), cell, sizes, initialiser and seed. Units of every backend share it.
     */
    public static String weightsFile(RunParams p) {
        return "weights/" + p.task() + "_" + p.cell() + "_h" + p.hidden() + "_l" + p.layers() + "_" + p.init()
            + "_seed" + p.seed() + ".safetensors";
    }

    /**
     * A deterministic short name for a set of units: the prefix, {@code -} and 10 hex digits of a hash of their
     * ids (in any order).
     */
    public static String matrixName(String prefix, List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids.stream().sorted().toList()) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return prefix + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
