package org.rnnbench.scratch.net;

import java.util.Arrays;

import org.rnnbench.core.spec.CellType;
import org.rnnbench.scratch.cell.GruCell;
import org.rnnbench.scratch.cell.LstmCell;
import org.rnnbench.scratch.cell.MinCells;
import org.rnnbench.scratch.cell.RnnCell;
import org.rnnbench.scratch.gemm.Gemm;
import org.rnnbench.scratch.gemm.GemmNN;
import org.rnnbench.scratch.gemm.Panels;
import org.rnnbench.scratch.parallel.ParallelTask;
import org.rnnbench.scratch.parallel.RangeBody;
import org.rnnbench.scratch.parallel.Slices;
import org.rnnbench.scratch.parallel.WorkerPool;
import org.rnnbench.scratch.simd.Simd;

/**
 * One recurrent layer over a window of T steps and B sequences. Forward: the input projections of all steps as one
 * product, {@code gates (T*B, G*S) = biases + X (T*B, I) * W_ih^T}, then per step the recurrent product of that
 * step and the gate loops. Backward: per step the fused gate gradients and the recurrent product carrying dL/dh
 * back one step; then the weight gradients of all steps as products over the T*B rows, computed transposed
 * ({@code dW^T = X^T * dGates}) into a scratch and added to the canonical gradient buffer.
 *
 * <p>The minimal cells have no recurrent product: their steps are element-wise, each slice of units runs its
 * whole window without meeting the others, and dL/dh_{t-1} is what the cell's backward leaves in dhNext.
 *
 * <p>The time loops run on the worker pool with the hidden units split into slices (whole vectors): each part does
 * the recurrent product for the gate columns of its units and then their gate loops, and the parts meet at one
 * barrier per step. Row fills and column sums are split between the threads too.
 */
final class RecurrentLayer {
    private final CellType cell;
    final int input;
    final int hidden;
    final int stride;
    final int gateStride;
    private final int gates;
    private final boolean recurrent;
    private final LayerWeights weights;
    /** (max(I, H), G*S) scratch for the transposed weight gradients. */
    private final float[] dWT;
    private final float[] columnSums;
    final LayerCache cache;
    private final Gemm gemm;
    private final WorkerPool pool;
    private final ForwardLoop forwardLoop = new ForwardLoop();
    private final BackwardLoop backwardLoop = new BackwardLoop();
    private final RangeBody fillGates = this::fillGates;
    private final RangeBody zeroDh = this::zeroDh;
    private final RangeBody sumColumns = this::sumColumns;
    private final RangeBody addTransposedRows = this::addTransposedRows;
    private float[] transposedTarget;
    private int transposedOff;
    private int transposedWidth;
    private float[] summed;
    private double[] normParts = new double[0];
    private int time;
    private int batch;

    RecurrentLayer(CellType cell, int input, int hidden, FlatLayout layout, String prefix, int k, Gemm gemm,
                   WorkerPool pool) {
        this.cell = cell;
        this.input = input;
        this.hidden = hidden;
        this.gates = cell.gates();
        this.recurrent = cell.hasRecurrentWeights();
        this.stride = Simd.padded(hidden);
        this.gateStride = gates * stride;
        this.weights = new LayerWeights(cell, input, hidden, stride, layout, prefix, k);
        this.dWT = new float[Math.max(input, hidden) * gateStride];
        this.columnSums = new float[gateStride];
        this.cache = new LayerCache(stride, gateStride, cell.hasCellState(), cell == CellType.GRU,
            cell == CellType.MIN_LSTM);
        this.gemm = gemm;
        this.pool = pool;
    }

    /** Rebuilds the weight copies the products read from the flat parameters {@code w}. */
    void refresh(float[] w) {
        weights.refresh(w, pool);
    }

    /** Sizes the cache for {@code time} steps of {@code batch} sequences. */
    void prepare(int time, int batch) {
        this.time = time;
        this.batch = batch;
        cache.ensure(time, batch);
    }

    /** Zeroes the initial state (slot 0 of h and c). */
    void zeroState() {
        Arrays.fill(cache.h, 0, batch * stride, 0f);
        if (cache.c != null) {
            Arrays.fill(cache.c, 0, batch * stride, 0f);
        }
    }

    /** Starts from the final state of the previous window (its slot {@code previousTime}). */
    void carryState(int previousTime) {
        System.arraycopy(cache.h, previousTime * batch * stride, cache.h, 0, batch * stride);
        if (cache.c != null) {
            System.arraycopy(cache.c, previousTime * batch * stride, cache.c, 0, batch * stride);
        }
    }

    /** Sets row b of the initial state from slot {@code slot} of another layer of the same shape. */
    void startRowFrom(RecurrentLayer other, int slot, int b) {
        int from = (slot * batch + b) * stride;
        System.arraycopy(other.cache.h, from, cache.h, b * stride, stride);
        if (cache.c != null) {
            System.arraycopy(other.cache.c, from, cache.c, b * stride, stride);
        }
    }

    /** Fills every gates row with the biases: the start of a forward. */
    void beginForward() {
        pool.forRange(time * batch, 1, fillGates);
    }

    private void fillGates(int from, int to) {
        // gates is (T*B, G*S); rows [from, to)
        for (int row = from; row < to; row++) {
            System.arraycopy(weights.inputBias, 0, cache.gates, row * gateStride, gateStride);
        }
    }

    /** {@code gates += X * W_ih^T} for dense input X (T*B, I) at xOff with row stride ldx. */
    void projectInput(float[] x, int xOff, int ldx) {
        gemm.np(time * batch, gateStride, input, x, xOff, ldx, weights.wIhT, 0, weights.ihPanel, cache.gates, 0,
            gateStride);
    }

    /** One-hot input: adds column {@code tokens[row]} of W_ih to each gates row (none for -1). */
    void projectTokens(int[] tokens) {
        // gates is (T*B, G*S); wIhT is (I, G*S) in panels of L columns
        for (int row = 0; row < time * batch; row++) {
            if (tokens[row] >= 0) {
                for (int j = 0; j < gateStride; j += Simd.LANES) {
                    Rows.add(cache.gates, row * gateStride + j, weights.wIhT, Panels.index(input, tokens[row], j),
                        Simd.LANES);
                }
            }
        }
    }

    /** Runs the recurrence over the window from the initial state in slot 0. */
    void recur() {
        pool.run(forwardLoop);
    }

    /** Zeroes dH and the carried gradients: the start of a backward. */
    void beginBackward() {
        pool.forRange(time * batch * stride, stride, zeroDh);
        Arrays.fill(cache.dhNext, 0, batch * stride, 0f);
        if (cache.dcNext != null) {
            Arrays.fill(cache.dcNext, 0, batch * stride, 0f);
        }
    }

    private void zeroDh(int from, int to) {
        Arrays.fill(cache.dH, from, to, 0f);
    }

    /**
     * Backpropagates through the window's steps, filling dGates (and dGh). At step {@code last[b]} the rows b of
     * {@code injectH} and {@code injectC} (B, S) are added to dL/dh and dL/dc (either may be null). When
     * {@code norms} is given, norms[t] receives the Frobenius norm of the total dL/dh_t. When {@code initial} is
     * set, dhNext and dcNext end holding dL/dh_{-1} and dL/dc_{-1}.
     */
    void backward(int[] last, float[] injectH, float[] injectC, double[] norms, boolean initial) {
        int parts = pool.threads();
        if (norms != null && normParts.length < parts * time) {
            normParts = new double[parts * time];
        }
        backwardLoop.last = last;
        backwardLoop.injectH = injectH;
        backwardLoop.injectC = injectC;
        backwardLoop.norms = norms != null;
        backwardLoop.initial = initial;
        pool.run(backwardLoop);
        backwardLoop.last = null;
        backwardLoop.injectH = null;
        backwardLoop.injectC = null;
        if (norms != null) {
            for (int t = 0; t < time; t++) {
                double sum = 0;
                for (int p = 0; p < parts; p++) {
                    sum += normParts[p * time + t];
                }
                norms[t] = Math.sqrt(sum);
            }
        }
    }

    /**
     * Adds this window's weight and bias gradients to {@code dw}. The layer input is dense X (T*B, I) at xOff with
     * row stride ldx, or, when {@code x} is null, one-hot {@code tokens} per row.
     */
    void weightGradients(float[] dw, float[] x, int xOff, int ldx, int[] tokens) {
        if (recurrent) {
            transposedGradient(dw, weights.wHh, hidden, cache.dGh, cache.h, 0, stride);
        }
        if (x != null) {
            transposedGradient(dw, weights.wIh, input, cache.dGates, x, xOff, ldx);
        } else {
            Arrays.fill(dWT, 0, input * gateStride, 0f);
            for (int row = 0; row < time * batch; row++) {
                if (tokens[row] >= 0) {
                    Rows.add(dWT, tokens[row] * gateStride, cache.dGates, row * gateStride, gateStride);
                }
            }
            addTransposed(dw, weights.wIh, input);
        }
        sum(cache.dGates);
        addBias(dw, weights.bIh);
        if (!recurrent) {
            return;
        }
        if (cache.dGh != cache.dGates) {
            sum(cache.dGh);
        }
        addBias(dw, weights.bHh);
    }

    /**
     * {@code dW (G*H, n) += d^T (G*H, T*B) * v (T*B, n)} into the canonical tensor at {@code off}, computed
     * transposed, {@code dWT (n, G*S) = v^T * d}, and then added: the product then packs v (n columns) rather than
     * d (G*S columns), 4 times fewer values for an LSTM with n = H, and reads d as its row-major B.
     */
    private void transposedGradient(float[] dw, int off, int n, float[] d, float[] v, int vOff, int ldv) {
        Arrays.fill(dWT, 0, n * gateStride, 0f);
        gemm.tn(n, gateStride, time * batch, v, vOff, ldv, d, 0, gateStride, dWT, 0, gateStride);
        addTransposed(dw, off, n);
    }

    /** {@code dW (G*H, n) += dWT (n, G*S)^T} into the canonical tensor at {@code off}, a slice of rows per thread. */
    private void addTransposed(float[] dw, int off, int n) {
        transposedTarget = dw;
        transposedOff = off;
        transposedWidth = n;
        pool.forRange(gates * hidden, 1, addTransposedRows);
        transposedTarget = null;
    }

    private void addTransposedRows(int from, int to) {
        int n = transposedWidth;
        // dWT is (n, G*S) padded; dW is (G*H, n); gate rows [from, to)
        for (int row = from; row < to; row++) {
            int col = row / hidden * stride + row % hidden;
            int at = transposedOff + row * n;
            for (int i = 0; i < n; i++) {
                transposedTarget[at + i] += dWT[i * gateStride + col];
            }
        }
    }

    /** Column sums of a (T*B, G*S) gradient into {@code columnSums}, a slice of columns per thread. */
    private void sum(float[] d) {
        summed = d;
        pool.forRange(gateStride, Simd.LANES, sumColumns);
        summed = null;
    }

    private void sumColumns(int from, int to) {
        Rows.columnSums(summed, time * batch, gateStride, from, to, columnSums);
    }

    private void addBias(float[] dw, int off) {
        for (int g = 0; g < gates; g++) {
            for (int j = 0; j < hidden; j++) {
                dw[off + g * hidden + j] += columnSums[g * stride + j];
            }
        }
    }

    /** {@code dx += dGates * W_ih}: dL/dX (T*B, I) at dxOff with row stride lddx. */
    void inputGradient(float[] dx, int dxOff, int lddx) {
        gemm.nn(time * batch, input, gateStride, cache.dGates, 0, gateStride, weights.wIhP, 0, weights.ldIhP, dx,
            dxOff, lddx);
    }

    /**
     * The recurrent product of one step for the gate columns of hidden units j0..j1: target += h * W_hh^T. A slice
     * of the units is one column range per gate, so with several threads h_{t-1} comes packed in {@code packed}
     * (by {@link #packShared}), not packed again for every gate; null on one thread.
     */
    private void recurrentProduct(int hPrev, float[] packed, float[] target, int tOff, int j0, int j1) {
        if (j0 == 0 && j1 == stride) {
            GemmNN.paneled(batch, gateStride, hidden, cache.h, hPrev, stride, packed, weights.wHhT, 0,
                weights.hhPanel, target, tOff, gateStride);
            return;
        }
        for (int g = 0; g < gates; g++) {
            int col = g * stride + j0;
            GemmNN.paneled(batch, j1 - j0, hidden, cache.h, hPrev, stride, packed, weights.wHhT,
                col / Simd.LANES * weights.hhPanel, weights.hhPanel, target, tOff + col, gateStride);
        }
    }

    /**
     * With several threads, part {@code part} of packing the (B, K) rows at aOff of {@code a} into {@code packed},
     * then the barrier after which every part may read it; returns it, or null (and does nothing) on one thread.
     */
    private float[] packShared(float[] a, int aOff, int k, int lda, float[] packed, int part, int parts) {
        if (parts == 1) {
            return null;
        }
        GemmNN.pack(batch, k, a, aOff, lda, packed, part, parts);
        pool.barrier();
        return packed;
    }

    /**
     * Adds the recurrent product of one step to the gates rows at gOff, columns of hidden units j0..j1. The product
     * goes to a zeroed scratch that stays in cache, then one streaming pass adds it to the gates, which were
     * written long before by the input projection: accumulating in place would start every tile of the product
     * with loads from memory.
     */
    private void recurrentInto(int hPrev, float[] packed, int gOff, int j0, int j1) {
        float[] scratch = cache.recurrent;
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < gates; k++) {
                Arrays.fill(scratch, b * gateStride + k * stride + j0, b * gateStride + k * stride + j1, 0f);
            }
        }
        recurrentProduct(hPrev, packed, scratch, 0, j0, j1);
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < gates; k++) {
                int at = b * gateStride + k * stride + j0;
                Rows.add(cache.gates, gOff + at, scratch, at, j1 - j0);
            }
        }
    }

    /** The forward time loop, one part per slice of hidden units. */
    private final class ForwardLoop implements ParallelTask {
        @Override
        public void run(int part, int parts) {
            int j0 = Slices.start(stride, parts, part, Simd.LANES);
            int j1 = Slices.end(stride, parts, part, Simd.LANES);
            float[] h = cache.h;
            float[] g = cache.gates;
            for (int t = 0; t < time; t++) {
                int hPrev = t * batch * stride;
                int hNew = hPrev + batch * stride;
                int gOff = t * batch * gateStride;
                float[] packed = recurrent ? packShared(h, hPrev, hidden, stride, cache.packedH, part, parts) : null;
                if (j0 < j1) {
                    switch (cell) {
                        case LSTM -> {
                            recurrentInto(hPrev, packed, gOff, j0, j1);
                            LstmCell.lstmForward(g, gOff, cache.c, hPrev, hNew, cache.aux, hPrev, h, hNew, batch,
                                stride, j0, j1);
                        }
                        case GRU -> {
                            for (int b = 0; b < batch; b++) {
                                for (int k = 0; k < gates; k++) {
                                    System.arraycopy(weights.recurrentBias, k * stride + j0, cache.aux,
                                        gOff + b * gateStride + k * stride + j0, j1 - j0);
                                }
                            }
                            recurrentProduct(hPrev, packed, cache.aux, gOff, j0, j1);
                            GruCell.gruForward(g, gOff, cache.aux, gOff, h, hPrev, hNew, batch, stride, j0, j1);
                        }
                        case RNN_TANH, RNN_RELU -> {
                            recurrentInto(hPrev, packed, gOff, j0, j1);
                            RnnCell.rnnForward(cell == CellType.RNN_RELU, g, gOff, h, hNew, batch, stride, j0, j1);
                        }
                        case MIN_GRU -> MinCells.minGruForward(g, gOff, h, hPrev, hNew, batch, stride, j0, j1);
                        case MIN_LSTM -> MinCells.minLstmForward(g, gOff, cache.aux, hPrev, cache.recurrent, h,
                            hPrev, hNew, batch, stride, j0, j1);
                        default -> throw new IllegalStateException("unhandled cell " + cell);
                    }
                }
                if (recurrent) {
                    pool.barrier();
                }
            }
        }
    }

    /** The backward time loop, one part per slice of hidden units. */
    private final class BackwardLoop implements ParallelTask {
        int[] last;
        float[] injectH;
        float[] injectC;
        boolean norms;
        boolean initial;

        @Override
        public void run(int part, int parts) {
            int j0 = Slices.start(stride, parts, part, Simd.LANES);
            int j1 = Slices.end(stride, parts, part, Simd.LANES);
            for (int t = time - 1; t >= 0; t--) {
                boolean carry = t < time - 1 && recurrent;
                float[] packed = carry ? packDGh(t + 1, part, parts) : null;
                if (j0 < j1) {
                    if (carry) {
                        carryBack(t + 1, packed, j0, j1);
                    }
                    Rows.add(cache.dhNext, 0, cache.dH, t * batch * stride, batch, stride, j0, j1);
                    inject(t, j0, j1);
                    if (norms) {
                        normParts[part * time + t] = Rows.sumSquares(cache.dhNext, batch, stride, j0, j1);
                    }
                    cellBackward(t, j0, j1);
                } else if (norms) {
                    normParts[part * time + t] = 0;
                }
                if (recurrent) {
                    pool.barrier();
                }
            }
            if (initial && recurrent) {
                float[] packed = packDGh(0, part, parts);
                if (j0 < j1) {
                    carryBack(0, packed, j0, j1);
                }
            }
        }

        private float[] packDGh(int t, int part, int parts) {
            return packShared(cache.dGh, t * batch * gateStride, gateStride, gateStride, cache.packedDGh, part, parts);
        }

        /** dhNext (B, S) += dGh of step t (B, G*S) * W_hh padded (G*S, S) in panels, columns j0..j1. */
        private void carryBack(int t, float[] packed, int j0, int j1) {
            GemmNN.paneled(batch, j1 - j0, gateStride, cache.dGh, t * batch * gateStride, gateStride, packed,
                weights.wHhP, j0 / Simd.LANES * weights.hhPPanel, weights.hhPPanel, cache.dhNext, j0, stride);
        }

        private void inject(int t, int j0, int j1) {
            if (last == null) {
                return;
            }
            for (int b = 0; b < batch; b++) {
                if (last[b] == t) {
                    if (injectH != null) {
                        Rows.add(cache.dhNext, b * stride + j0, injectH, b * stride + j0, j1 - j0);
                    }
                    if (injectC != null) {
                        Rows.add(cache.dcNext, b * stride + j0, injectC, b * stride + j0, j1 - j0);
                    }
                }
            }
        }

        private void cellBackward(int t, int j0, int j1) {
            int hPrev = t * batch * stride;
            int hNew = hPrev + batch * stride;
            int gOff = t * batch * gateStride;
            switch (cell) {
                case LSTM -> LstmCell.lstmBackward(cache.gates, gOff, cache.c, hPrev, cache.aux, hPrev, cache.dhNext,
                    cache.dcNext, cache.dGates, gOff, batch, stride, j0, j1);
                case GRU -> GruCell.gruBackward(cache.gates, gOff, cache.aux, gOff, cache.h, hPrev, cache.dhNext,
                    cache.dGates, cache.dGh, gOff, batch, stride, j0, j1);
                case RNN_TANH, RNN_RELU -> RnnCell.rnnBackward(cell == CellType.RNN_RELU, cache.h, hNew,
                    cache.dhNext, cache.dGates, gOff, batch, stride, j0, j1);
                case MIN_GRU -> MinCells.minGruBackward(cache.gates, gOff, cache.h, hPrev, cache.dhNext, cache.dGates,
                    gOff, batch, stride, j0, j1);
                case MIN_LSTM -> MinCells.minLstmBackward(cache.gates, gOff, cache.aux, hPrev, cache.h, hPrev,
                    cache.dhNext, cache.dGates, gOff, batch, stride, j0, j1);
                default -> throw new IllegalStateException("unhandled cell " + cell);
            }
        }
    }
}
