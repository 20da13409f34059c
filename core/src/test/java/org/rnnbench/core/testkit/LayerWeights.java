package org.rnnbench.core.testkit;

/**
 * The canonical tensors of one recurrent layer in double precision, row-major, as views (the arrays are
 * shared with the {@link ReferenceWeights} they come from, so gradients accumulate in place). The minimal cells
 * have no recurrent tensors: {@code wHh} and {@code bHh} are null for them.
 *
 * @param input  I_k, the layer's input size
 * @param hidden H
 * @param gates  G: 1 (RNN), 4 (LSTM, rows [i, f, g, o]), 3 (GRU, rows [r, z, n]), 2 (minGRU, rows [z, h~]) or
 *               3 (minLSTM, rows [f, i, h~])
 * @param wIh    (G*H, I_k)
 * @param wHh    (G*H, H), or null
 * @param bIh    (G*H)
 * @param bHh    (G*H), or null
 */
public record LayerWeights(int input, int hidden, int gates, double[] wIh, double[] wHh, double[] bIh,
                           double[] bHh) {

    /** Checks the array sizes against the declared shape. */
    public LayerWeights {
        int rows = gates * hidden;
        boolean recurrentOk = wHh == null ? bHh == null : bHh != null && wHh.length == rows * hidden
            && bHh.length == rows;
        if (wIh.length != rows * input || bIh.length != rows || !recurrentOk) {
            throw new IllegalArgumentException("layer arrays do not match G*H = " + rows + ", I = " + input
                + ", H = " + hidden);
        }
    }

    /** G*H, the rows of every matrix and bias. */
    public int rows() {
        return gates * hidden;
    }
}
