package org.rnnbench.scratch.net;

import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.scratch.gemm.Gemm;

/**
 * The linear head {@code y = W_head h + b_head} on rows of top-layer states (R, S): every step of a window
 * (R = T*B, time-major) or one gathered state per sequence (R = B). Backward gives dW_head, db_head and dL/dh.
 */
final class Head {
    private final int outputs;
    private final int hidden;
    private final int stride;
    private final int weight;
    private final int bias;
    private final Gemm gemm;
    /** (R, O) raw outputs. */
    float[] y = new float[0];
    /** (R, O) dL/dy. */
    float[] dy = new float[0];
    /** (B, S) gathered states, one per sequence. */
    float[] gathered = new float[0];
    /** (B, S) dL/d(gathered). */
    float[] dGathered = new float[0];
    private int rows;

    Head(int outputs, int hidden, int stride, FlatLayout layout, Gemm gemm) {
        this.outputs = outputs;
        this.hidden = hidden;
        this.stride = stride;
        this.weight = layout.offset(ParameterLayout.HEAD_WEIGHT);
        this.bias = layout.offset(ParameterLayout.HEAD_BIAS);
        this.gemm = gemm;
    }

    /** Copies row b of slot {@code last[b] + 1} of the states {@code h} (T+1, B, S) into {@link #gathered}. */
    void gather(float[] h, int[] last, int batch) {
        if (gathered.length < batch * stride) {
            gathered = new float[batch * stride];
            dGathered = new float[batch * stride];
        }
        for (int b = 0; b < batch; b++) {
            System.arraycopy(h, ((last[b] + 1) * batch + b) * stride, gathered, b * stride, stride);
        }
    }

    /** {@code y = b + hs * W^T} for R rows of states at hsOff (row stride S). */
    void forward(float[] w, float[] hs, int hsOff, int rows) {
        this.rows = rows;
        if (y.length < rows * outputs) {
            y = new float[rows * outputs];
            dy = new float[rows * outputs];
        }
        // y is (R, O), hs is (R, H) with row stride S, W is (O, H)
        for (int r = 0; r < rows; r++) {
            System.arraycopy(w, bias, y, r * outputs, outputs);
        }
        gemm.nt(rows, outputs, hidden, hs, hsOff, stride, w, weight, hidden, y, 0, outputs);
    }

    /** Adds dW_head and db_head to {@code dw} and dL/dhs to {@code dHs} at dOff (row stride S). */
    void backward(float[] w, float[] dw, float[] hs, int hsOff, float[] dHs, int dOff) {
        // dW (O, H) += dy^T (O, R) * hs (R, H)
        gemm.tn(outputs, hidden, rows, dy, 0, outputs, hs, hsOff, stride, dw, weight, hidden);
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < outputs; o++) {
                dw[bias + o] += dy[r * outputs + o];
            }
        }
        // dHs (R, H) += dy (R, O) * W (O, H)
        gemm.nn(rows, hidden, outputs, dy, 0, outputs, w, weight, hidden, dHs, dOff, stride);
    }
}
