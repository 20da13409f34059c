package org.rnnbench.core.testkit;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * A recurrent stack alone, as {@link org.rnnbench.core.backend.Backend#probeStack} defines it, in double
 * precision: zero initial states, every sequence run over all T steps (lengths are not read), and the gradients
 * of {@code L = 0.5 * sum(output^2)} with respect to the input and every weight.
 */
public final class ReferenceProbe {
    private ReferenceProbe() {
    }

    /**
     * The probe's results.
     *
     * @param loss          L
     * @param output        (B, T, H) the top layer's h_t
     * @param hN            (L, B, H) final hidden states
     * @param cN            (L, B, H) final cell states, null unless LSTM
     * @param inputGradient (B, T, I) dL/dx
     * @param weightGradients dL/dW, layout of {@link ParameterLayout#of(CellSpec)}
     */
    public record Result(double loss, double[] output, double[] hN, double[] cN, double[] inputGradient,
                         ReferenceWeights weightGradients) {
    }

    /**
     * Runs the probe.
     *
     * @param x (B, T, I) input values, row-major
     */
    public static Result run(CellSpec cell, ReferenceWeights w, double[] x, int batch, int time) {
        int in = cell.inputSize();
        int hidden = cell.hiddenSize();
        int layers = cell.layers();
        if (x.length != batch * time * in) {
            throw new IllegalArgumentException("input holds " + x.length + " values, (B, T, I) = (" + batch + ", "
                + time + ", " + in + ") needs " + batch * time * in);
        }
        double[][][] xs = new double[time][batch][in];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                for (int i = 0; i < in; i++) {
                    xs[t][b][i] = x[(b * time + t) * in + i];
                }
            }
        }
        ReferenceStack stack = ReferenceStack.run(cell, layers(cell, w), xs, null, null, null);
        double loss = 0;
        double[] output = new double[batch * time * hidden];
        double[][][][] dhIn = new double[time][layers][][];
        // output is (B,T,H); dL/dh_t of the top layer is h_t itself
        for (int t = 0; t < time; t++) {
            double[][] h = stack.h(t, layers - 1);
            dhIn[t][layers - 1] = ReferenceStack.copy(h);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < hidden; j++) {
                    output[(b * time + t) * hidden + j] = h[b][j];
                    loss += 0.5 * h[b][j] * h[b][j];
                }
            }
        }
        double[] hN = new double[layers * batch * hidden];
        double[] cN = cell.cell().hasCellState() ? new double[layers * batch * hidden] : null;
        for (int k = 0; k < layers; k++) {
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < hidden; j++) {
                    hN[(k * batch + b) * hidden + j] = stack.h(time - 1, k)[b][j];
                    if (cN != null) {
                        cN[(k * batch + b) * hidden + j] = stack.c(time - 1, k)[b][j];
                    }
                }
            }
        }
        ReferenceWeights grads = ReferenceWeights.zeros(ParameterLayout.of(cell));
        ReferenceStack.Gradient g = stack.backward(dhIn, null, layers(cell, grads));
        double[] dx = new double[x.length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                for (int i = 0; i < in; i++) {
                    dx[(b * time + t) * in + i] = g.dx()[t][b][i];
                }
            }
        }
        return new Result(loss, output, hN, cN, dx, grads);
    }

    private static List<LayerWeights> layers(CellSpec cell, ReferenceWeights w) {
        List<LayerWeights> list = new ArrayList<>();
        for (int k = 0; k < cell.layers(); k++) {
            list.add(w.layer(cell, "", k));
        }
        return list;
    }
}
