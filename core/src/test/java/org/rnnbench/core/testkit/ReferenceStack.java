package org.rnnbench.core.testkit;

import java.util.List;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.testkit.ReferenceCells.Step;
import org.rnnbench.core.testkit.ReferenceCells.StepGradient;

/**
 * A recurrent stack run over time, keeping every step for backpropagation through time. Layer k reads x_t for
 * k = 0 and the hidden state of layer k-1 otherwise. Gradients enter from outside as "injections" into any state
 * h_t or c_t of any layer (the head reads the top layer, a decoder reads the final states), which covers every
 * topology with one backward.
 */
public final class ReferenceStack {
    private final CellSpec cell;
    private final List<LayerWeights> layers;
    private final Step[][] steps;
    private final double[][][][] hOut;

    private ReferenceStack(CellSpec cell, List<LayerWeights> layers, Step[][] steps, double[][][][] hOut) {
        this.cell = cell;
        this.layers = layers;
        this.steps = steps;
        this.hOut = hOut;
    }

    /**
     * Runs the stack.
     *
     * @param xs        (T, B, I) inputs of layer 0
     * @param h0        (L, B, H) initial hidden states, null for zeros
     * @param c0        (L, B, H) initial cell states (LSTM), null for zeros
     * @param topOffset (T, B, H) added to the top layer's h_t before anything reads it, or null; a probe for
     *                  checking dL/dh_t by finite differences
     */
    public static ReferenceStack run(CellSpec cell, List<LayerWeights> layers, double[][][] xs, double[][][] h0,
                                     double[][][] c0, double[][][] topOffset) {
        int time = xs.length;
        int batch = xs[0].length;
        int depth = cell.layers();
        int hidden = cell.hiddenSize();
        Step[][] steps = new Step[time][depth];
        double[][][][] hOut = new double[time][depth][][];
        double[][][] h = new double[depth][][];
        double[][][] c = new double[depth][][];
        for (int k = 0; k < depth; k++) {
            h[k] = h0 == null ? new double[batch][hidden] : h0[k];
            c[k] = c0 == null ? new double[batch][hidden] : c0[k];
        }
        // xs is (T,B,I); every state is (B,H)
        for (int t = 0; t < time; t++) {
            double[][] x = xs[t];
            for (int k = 0; k < depth; k++) {
                Step s = ReferenceCells.forward(cell.cell(), layers.get(k), x, h[k], c[k]);
                steps[t][k] = s;
                double[][] out = s.h();
                if (k == depth - 1 && topOffset != null) {
                    out = new double[batch][hidden];
                    for (int b = 0; b < batch; b++) {
                        for (int j = 0; j < hidden; j++) {
                            out[b][j] = s.h()[b][j] + topOffset[t][b][j];
                        }
                    }
                }
                hOut[t][k] = out;
                h[k] = out;
                c[k] = s.c();
                x = out;
            }
        }
        return new ReferenceStack(cell, layers, steps, hOut);
    }

    /** The number of steps run. */
    public int time() {
        return steps.length;
    }

    /** h_t of layer k as the next step, the layer above and the head read it (B, H). */
    public double[][] h(int t, int k) {
        return hOut[t][k];
    }

    /** c_t of layer k (B, H), LSTM only. */
    public double[][] c(int t, int k) {
        return steps[t][k].c();
    }

    /**
     * What backpropagation through the stack gives.
     *
     * @param dx    (T, B, I) dL/dx_t of layer 0's input
     * @param dh0   (L, B, H) dL/dh of the initial hidden states
     * @param dc0   (L, B, H) dL/dc of the initial cell states (zeros unless LSTM)
     * @param dhTop (T, B, H) the total dL/dh_t of the top layer at every step
     */
    public record Gradient(double[][][] dx, double[][][] dh0, double[][][] dc0, double[][][] dhTop) {
    }

    /**
     * Full backpropagation through time.
     *
     * @param dhIn  (T, L) gradients entering h_t of layer k from outside (B, H) each, entries may be null
     * @param dcIn  (T, L) gradients entering c_t of layer k from outside, entries may be null; may be null
     * @param grads the layers' gradient accumulators, same shapes as the weights
     */
    public Gradient backward(double[][][][] dhIn, double[][][][] dcIn, List<LayerWeights> grads) {
        int time = steps.length;
        int depth = cell.layers();
        int hidden = cell.hiddenSize();
        int batch = hOut[0][0].length;
        double[][][] carryH = new double[depth][batch][hidden];
        double[][][] carryC = new double[depth][batch][hidden];
        double[][][] dx = new double[time][][];
        double[][][] dhTop = new double[time][][];
        for (int t = time - 1; t >= 0; t--) {
            double[][] fromAbove = null;
            for (int k = depth - 1; k >= 0; k--) {
                double[][] dh = copy(carryH[k]);
                add(dh, dhIn[t][k]);
                add(dh, fromAbove);
                if (k == depth - 1) {
                    dhTop[t] = copy(dh);
                }
                double[][] dc = copy(carryC[k]);
                add(dc, dcIn == null ? null : dcIn[t][k]);
                StepGradient g = ReferenceCells.backward(cell.cell(), layers.get(k), steps[t][k], dh, dc,
                    grads.get(k));
                carryH[k] = g.dhPrev();
                carryC[k] = g.dcPrev() == null ? new double[batch][hidden] : g.dcPrev();
                fromAbove = g.dx();
            }
            dx[t] = fromAbove;
        }
        return new Gradient(dx, carryH, carryC, dhTop);
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    static void add(double[][] into, double[][] a) {
        if (a != null) {
            ReferenceCells.addInPlace(into, a);
        }
    }
}
