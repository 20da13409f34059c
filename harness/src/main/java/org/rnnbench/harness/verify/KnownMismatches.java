package org.rnnbench.harness.verify;

import java.util.Optional;

import org.rnnbench.core.spec.CellType;

/**
 * Backends whose disagreement on a cell is documented and expected: {@code verify} shows their differences, marks
 * them "known", and does not count them towards its exit code.
 */
public final class KnownMismatches {
    /** The DL4J variant on SameDiff's fused GRU op. */
    public static final String DL4J_FUSED_GRU = "dl4j:fused-gru";

    private KnownMismatches() {
    }

    /** Why {@code backend} is expected to disagree on {@code cell}, or empty when it is not. */
    public static Optional<String> reason(String backend, CellType cell) {
        if (backend.equals(DL4J_FUSED_GRU) && cell == CellType.GRU) {
            return Optional.of("SameDiff's fused gru op in DL4J 1.0.0-M2.1 has one bias outside the reset (b_hn is"
                + " folded into b_in, so outputs differ unless b_hn = 0) and a wrong backprop (gradients off by"
                + " several per cent; see DESIGN.md and impl-dl4j); the dl4j backend computes the exact GRU");
        }
        return Optional.empty();
    }
}
