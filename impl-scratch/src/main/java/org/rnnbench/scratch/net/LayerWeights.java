package org.rnnbench.scratch.net;

import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.scratch.gemm.Panels;
import org.rnnbench.scratch.parallel.RangeBody;
import org.rnnbench.scratch.parallel.WorkerPool;
import org.rnnbench.scratch.simd.Simd;

/**
 * Where one layer's parameters sit in the flat buffer, and the copies its products read, rebuilt after every change
 * of the parameters (on the pool, a slice of gate rows per thread):
 * <ul>
 *   <li>{@code wIhT} (I, G*S) and {@code wHhT} (H, G*S) in {@link Panels} layout, panel strides {@code ihPanel}
 *       and {@code hhPanel}: W_ih and W_hh transposed, each gate block padded to S columns, the right-hand operands
 *       of the forward products;</li>
 *   <li>{@code wIhP} (G*S, I), row stride {@code ldIhP}: W_ih with gate blocks padded to S rows, and {@code wHhP}
 *       (G*S, S) in panel layout, panel stride {@code hhPPanel}: W_hh likewise, the right-hand operands of the
 *       backward products.</li>
 *   <li>{@code inputBias} (G*S): b_ih, plus b_hh except for GRU, the starting value of every gates row;
 *       {@code recurrentBias} (G*S): b_hh, the starting value of every GRU recurrent row.</li>
 * </ul>
 * The panel layout lets the kernels stream the weights without packing them at every step; the row stride of
 * wIhP is {@link Simd#skewed} so that its panels do not collide in cache. The minimal cells have no W_hh and no
 * b_hh: their offsets are -1 and the recurrent copies empty.
 */
final class LayerWeights {
    final int wIh;
    final int wHh;
    final int bIh;
    final int bHh;
    final float[] wIhT;
    final int ihPanel;
    final float[] wHhT;
    final int hhPanel;
    final float[] wIhP;
    final int ldIhP;
    final float[] wHhP;
    final int hhPPanel;
    final float[] inputBias;
    final float[] recurrentBias;
    private final int input;
    private final int hidden;
    private final int stride;
    private final int gateStride;
    private final int gateRows;
    private final boolean split;
    private final boolean recurrent;
    private final RangeBody rows = this::refreshRows;
    private float[] source;

    LayerWeights(CellType cell, int input, int hidden, int stride, FlatLayout layout, String prefix, int k) {
        this.input = input;
        this.hidden = hidden;
        this.stride = stride;
        this.gateStride = cell.gates() * stride;
        this.gateRows = cell.gates() * hidden;
        this.split = cell == CellType.GRU;
        this.recurrent = cell.hasRecurrentWeights();
        this.ihPanel = Panels.panelStride(input);
        this.hhPanel = Panels.panelStride(hidden);
        this.ldIhP = Simd.skewed(input);
        this.hhPPanel = Panels.panelStride(gateStride);
        this.wIh = layout.offset(prefix + ParameterLayout.weightIh(k));
        this.wHh = recurrent ? layout.offset(prefix + ParameterLayout.weightHh(k)) : -1;
        this.bIh = layout.offset(prefix + ParameterLayout.biasIh(k));
        this.bHh = recurrent ? layout.offset(prefix + ParameterLayout.biasHh(k)) : -1;
        this.wIhT = new float[Panels.size(input, gateStride)];
        this.wHhT = new float[recurrent ? Panels.size(hidden, gateStride) : 0];
        this.wIhP = new float[gateStride * ldIhP];
        this.wHhP = new float[recurrent ? Panels.size(gateStride, stride) : 0];
        this.inputBias = new float[gateStride];
        this.recurrentBias = new float[gateStride];
    }

    /** Rebuilds every copy from the flat parameters {@code w}. */
    void refresh(float[] w, WorkerPool pool) {
        source = w;
        pool.forRange(gateRows, 1, rows);
        source = null;
    }

    /** Gate rows [from, to) of the canonical (G*H, .) matrices. */
    private void refreshRows(int from, int to) {
        float[] w = source;
        // W_ih (G*H, I) -> wIhT (I, G*S), wIhP (G*S, I); W_hh (G*H, H) -> wHhT (H, G*S), wHhP (G*S, S); biases (G*S)
        for (int row = from; row < to; row++) {
            int col = row / hidden * stride + row % hidden;
            for (int i = 0; i < input; i++) {
                wIhT[Panels.index(input, i, col)] = w[wIh + row * input + i];
            }
            System.arraycopy(w, wIh + row * input, wIhP, col * ldIhP, input);
            if (!recurrent) {
                inputBias[col] = w[bIh + row];
                continue;
            }
            for (int i = 0; i < hidden; i++) {
                wHhT[Panels.index(hidden, i, col)] = w[wHh + row * hidden + i];
                wHhP[Panels.index(gateStride, col, i)] = w[wHh + row * hidden + i];
            }
            inputBias[col] = split ? w[bIh + row] : w[bIh + row] + w[bHh + row];
            recurrentBias[col] = w[bHh + row];
        }
    }
}
