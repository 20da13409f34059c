package org.rnnbench.scratch.net;

import org.rnnbench.scratch.gemm.GemmNN;

/**
 * The buffers one recurrent layer keeps between its forward and backward over a window of T steps and B sequences,
 * time-major, every hidden-sized row padded to the stride S and every gate row to G*S. They grow on demand and are
 * reused, so steady-state train steps allocate nothing.
 *
 * <ul>
 *   <li>{@code h} (T+1, B, S): slot 0 is the initial state h_{-1}, slot t+1 the output of step t; {@code c} likewise
 *       for LSTM.</li>
 *   <li>{@code gates} (T, B, G*S): pre-activations, overwritten by the activations.</li>
 *   <li>{@code aux}: LSTM tanh(c_t) (T, B, S); GRU the recurrent parts W_h* h + b_h* (T, B, G*S); minLSTM the
 *       normalised forget gate f/(f+i) (T, B, S).</li>
 *   <li>{@code dGates} (T, B, G*S): gradients of the input-side pre-activations; {@code dGh} those of the recurrent
 *       side (the same array except for GRU).</li>
 *   <li>{@code dH} (T, B, S): gradient reaching each step's output from above (next layer or head).</li>
 *   <li>{@code dhNext}, {@code dcNext} (B, S): the gradients carried backwards through time.</li>
 * </ul>
 */
final class LayerCache {
    private final int stride;
    private final int gateStride;
    private final boolean cellState;
    private final boolean splitRecurrent;
    private final boolean unitAux;
    private int rows = -1;
    private int batchRows = -1;

    float[] h;
    float[] c;
    float[] gates;
    float[] aux;
    float[] dGates;
    float[] dGh;
    float[] dH;
    float[] dhNext;
    float[] dcNext;
    /** (B, G*S): the recurrent product of the current step. */
    float[] recurrent;
    /** h_{t-1} of the current step packed for the recurrent product, shared by the threads ({@code GemmNN.pack}). */
    float[] packedH;
    /** dGh of the current step packed for the product that carries dL/dh back, shared by the threads. */
    float[] packedDGh;

    LayerCache(int stride, int gateStride, boolean cellState, boolean splitRecurrent, boolean unitAux) {
        this.stride = stride;
        this.gateStride = gateStride;
        this.cellState = cellState;
        this.splitRecurrent = splitRecurrent;
        this.unitAux = unitAux;
    }

    /** Makes room for {@code time} steps of {@code batch} sequences; reallocates only when they do not fit. */
    void ensure(int time, int batch) {
        int needRows = time * batch;
        if (needRows > rows) {
            rows = needRows;
            gates = new float[rows * gateStride];
            dGates = new float[rows * gateStride];
            dH = new float[rows * stride];
            aux = splitRecurrent ? new float[rows * gateStride] : cellState || unitAux ? new float[rows * stride]
                : null;
            dGh = splitRecurrent ? new float[rows * gateStride] : dGates;
        }
        if (needRows + batch > (h == null ? 0 : h.length / stride)) {
            h = new float[(needRows + batch) * stride];
            c = cellState ? new float[(needRows + batch) * stride] : null;
        }
        if (batch > batchRows) {
            batchRows = batch;
            dhNext = new float[batch * stride];
            recurrent = new float[batch * gateStride];
            packedH = new float[GemmNN.packedSize(batch, stride)];
            packedDGh = new float[GemmNN.packedSize(batch, gateStride)];
            dcNext = cellState ? new float[batch * stride] : null;
        }
    }
}
