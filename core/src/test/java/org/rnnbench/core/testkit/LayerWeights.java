package org.rnnbench.core.testkit;

/**
 * The four canonical tensors of one recurrent layer in double precision, row-major, as views (the arrays are
 * shared with the {@link ReferenceWeights} they come from, so gradients accumulate in place).
 *
 * @param input  I_k, the layer's input size
 * @param hidden H
 * @param gates  G: 1 (RNN), 4 (LSTM, rows [i, f, g, o]) or 3 (GRU, rows [r, z, n])
 * @param wIh    (G*H, I_k)
 * @param wHh    (G*H, H)
 * @param bIh    (G*H)
 * @param bHh    (G*H)
 */
public record LayerWeights(int input, int hidden, int gates, double[] wIh, double[] wHh, double[] bIh,
                           double[] bHh) {

    /** Checks the array sizes against the declared shape. */
    public LayerWeights {
        int rows = gates * hidden;
        if (wIh.length != rows * input || wHh.length != rows * hidden || bIh.length != rows || bHh.length != rows) {
            throw new IllegalArgumentException("layer arrays do not match G*H = " + rows + ", I = " + input
                + ", H = " + hidden);
        }
    }

    /** G*H, the rows of every matrix and bias. */
    public int rows() {
        return gates * hidden;
    }
}
