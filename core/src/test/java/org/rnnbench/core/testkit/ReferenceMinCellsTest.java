package org.rnnbench.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * The minimal cells of the reference against hand computations with one unit and one input, where the row order of
 * {@code weight_ih_l0} ([z, h~] for minGRU, [f, i, h~] for minLSTM) decides every number: a swapped block would
 * give a different state. Stacked layers read the layer below, the initial state is zero.
 */
class ReferenceMinCellsTest {
    static final double EPS = 1e-12;

    static double sig(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** Runs a one-unit stack of {@code layers} layers over the scalar inputs xs, batch 1; returns h_t of the top. */
    static double[] run(CellType cell, int layers, double[] weights, double[] biases, double[] xs) {
        CellSpec spec = new CellSpec(cell, 1, 1, layers);
        ReferenceWeights w = ReferenceWeights.zeros(ParameterLayout.of(spec));
        for (int k = 0; k < layers; k++) {
            System.arraycopy(weights, 0, w.get(ParameterLayout.weightIh(k)), 0, cell.gates());
            System.arraycopy(biases, 0, w.get(ParameterLayout.biasIh(k)), 0, cell.gates());
        }
        List<LayerWeights> views = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            views.add(w.layer(spec, "", k));
        }
        double[][][] in = new double[xs.length][1][1];
        for (int t = 0; t < xs.length; t++) {
            in[t][0][0] = xs[t];
        }
        ReferenceStack stack = ReferenceStack.run(spec, views, in, null, null, null);
        double[] out = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = stack.h(t, layers - 1)[0][0];
        }
        return out;
    }

    @Test
    void minGruReadsRowsZThenCandidateAndStartsFromZero() {
        double[] w = {0.7, -1.3};
        double[] b = {0.2, 0.4};
        double[] xs = {1.0, -0.5, 2.0};
        double[] h = run(CellType.MIN_GRU, 1, w, b, xs);
        double prev = 0;
        for (int t = 0; t < xs.length; t++) {
            double z = sig(0.7 * xs[t] + 0.2);
            double cand = -1.3 * xs[t] + 0.4;
            prev = (1 - z) * prev + z * cand;
            assertEquals(prev, h[t], EPS, "h_" + t);
        }
        // first step by hand: z = sig(0.9) = 0.710949502625..., h~ = -0.9, h = z * h~
        assertEquals(0.7109495026250039 * -0.9, h[0], 1e-12);
    }

    @Test
    void minLstmReadsRowsForgetInputThenCandidateAndNormalisesTheGates() {
        double[] w = {0.5, -0.8, 1.1};
        double[] b = {0.3, -0.1, 0.05};
        double[] xs = {0.4, 1.5, -1.0};
        double[] h = run(CellType.MIN_LSTM, 1, w, b, xs);
        double prev = 0;
        for (int t = 0; t < xs.length; t++) {
            double f = sig(0.5 * xs[t] + 0.3);
            double i = sig(-0.8 * xs[t] - 0.1);
            double cand = 1.1 * xs[t] + 0.05;
            prev = f / (f + i) * prev + i / (f + i) * cand;
            assertEquals(prev, h[t], EPS, "h_" + t);
        }
    }

    @Test
    void theSecondLayerReadsTheFirstLayersOutputs() {
        double[] w = {0.7, -1.3};
        double[] b = {0.2, 0.4};
        double[] xs = {1.0, -0.5};
        double[] lower = run(CellType.MIN_GRU, 1, w, b, xs);
        double[] top = run(CellType.MIN_GRU, 2, w, b, xs);
        double prev = 0;
        for (int t = 0; t < xs.length; t++) {
            double z = sig(0.7 * lower[t] + 0.2);
            prev = (1 - z) * prev + z * (-1.3 * lower[t] + 0.4);
            assertEquals(prev, top[t], EPS, "layer 1, h_" + t);
        }
    }
}
