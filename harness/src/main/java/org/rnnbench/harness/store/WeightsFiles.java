package org.rnnbench.harness.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.SafeTensors;

/**
 * The initial weights files of a results directory ({@code weights/}). A unit's weights are a function of its
 * configuration and seed, so a file is written once and read by every backend; before a unit runs (again), its file
 * is compared with the weights made afresh and rewritten when it differs, so that a corrupt or truncated file (a
 * full disk, a stray edit) never outlives a rerun such as {@code --retry-failed}.
 */
public final class WeightsFiles {
    /** The metadata every weights file carries. */
    static final Map<String, String> METADATA = Map.of("format", "pt");

    private WeightsFiles() {
    }

    /**
     * Makes {@code file} hold exactly {@code weights}.
     *
     * @return true when the file was missing or differed and was (re)written
     */
    public static boolean ensure(Path file, CanonicalWeights weights) throws IOException {
        byte[] expected = SafeTensors.toBytes(weights.tensors(), METADATA);
        if (Files.isRegularFile(file) && Files.size(file) == expected.length
            && Arrays.equals(Files.readAllBytes(file), expected)) {
            return false;
        }
        JsonLines.writeAtomically(file, expected);
        return true;
    }
}
