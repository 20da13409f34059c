package org.rnnbench.dl4j.samediff;

/** How a graph's recurrent layers are built. */
public enum LayerKind {
    /**
     * Unrolled over time from primitive ops, with the canonical parameters as they are (two biases per layer), so
     * every cell is exact, the GRU's {@code b_hn} included, and each step's state can be named.
     */
    UNROLLED,
    /**
     * GRU layers as SameDiff's fused {@code sd.rnn().gru} op (gate blocks [r, z, n], reset after the recurrent
     * matmul, {@code W = W_ih^T}, {@code R = W_hh^T}) with its single bias, which acts as {@code b_ih + b_hh} outside
     * the reset: {@code b_hn} cannot be represented and is added to {@code b_in} on import. Its backprop is wrong in
     * DL4J 1.0.0-M2.1 (see the module's FINDINGS.md).
     */
    FUSED_GRU
}
