package org.rnnbench.dl4j;

import org.rnnbench.dl4j.samediff.LayerKind;

/**
 * Backend {@code dl4j:fused-gru}, a variant of {@code dl4j}: the GRU on SameDiff's fused {@code sd.rnn().gru} op,
 * what a DL4J user reaching for a GRU would write, kept beside the exact {@code dl4j} backend so that the suite can
 * show how it differs.
 *
 * <p>What it cannot represent: the op has one bias per gate row, added outside the reset, so a canonical GRU's
 * {@code b_hn} (inside {@code r * (W_hn h + b_hn)}) has no place. Import adds {@code b_hn} to {@code b_in} (exact
 * when {@code b_hn = 0}, as under every initialiser but PyTorch's); export returns the single bias as
 * {@code bias_ih} and zeros as {@code bias_hh}. Its backprop is wrong in DL4J 1.0.0-M2.1 (gradients off by several
 * per cent, see the module's FINDINGS.md), so its gradients, updates and dL/dh_t curves carry that error; it says
 * so as its {@link #knownDeviation}. Per-step dL/dh_t runs the op one step at a time (the only way to name each
 * step's state). Other cells are refused. Threads and native settings are those of {@link Dl4jBackend}.
 */
public final class FusedGruBackend extends Dl4jBackend {
    /** The id. */
    public static final String ID = "dl4j:fused-gru";

    /** The variant. */
    public FusedGruBackend() {
        super(ID, LayerKind.FUSED_GRU);
    }
}
