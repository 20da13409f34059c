package org.rnnbench.core.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;

/**
 * The reference's analytic gradients against central differences, for every configuration of the contract grid:
 * every canonical parameter, and the total dL/dh_t of the encoder's top layer (by perturbing that hidden state
 * with a probe added in the forward pass). This is what makes the reference trustworthy.
 */
class ReferenceGradientTest {
    static final double TOLERANCE = 1e-6;

    /** The case's initial weights, batch and network. */
    record Setup(ReferenceWeights weights, Batch batch, ReferenceNetwork net) {
        static Setup of(ContractCase c) {
            return new Setup(ReferenceWeights.of(Initializer.initialize(c.model(), Init.PYTORCH, c.seed())),
                RandomBatches.of(c.model(), c.seed()), new ReferenceNetwork(c.model()));
        }
    }

    static List<ContractCase> grid() {
        return ContractCases.grid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void analyticGradientsOfEveryParameterMatchFiniteDifferences(ContractCase c) {
        Setup in = Setup.of(c);
        ReferenceWeights w = in.weights();
        Batch batch = in.batch();
        ReferenceNetwork net = in.net();
        ReferenceWeights analytic = net.forward(w, batch).backward().gradients();
        Map<String, double[]> numeric = FiniteDifferences.gradient(w, () -> net.forward(w, batch).loss());
        double largest = 0;
        for (Map.Entry<String, double[]> e : numeric.entrySet()) {
            Comparison.assertClose(c + ": d loss / d " + e.getKey(), analytic.get(e.getKey()), e.getValue(),
                TOLERANCE);
            for (double v : e.getValue()) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        assertTrue(largest > 1e-3, "the gradients are all but zero (" + largest + "), the check would be empty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void hiddenStateGradientsMatchFiniteDifferencesOfAProbe(ContractCase c) {
        Setup in = Setup.of(c);
        ReferenceWeights w = in.weights();
        Batch batch = in.batch();
        ReferenceNetwork net = in.net();
        double[][][] analytic = net.forward(w, batch).backward().dhTop();
        int steps = batch.recurrentSteps(c.model().topology());
        double[][][] offset = new double[steps][batch.size()][c.model().hiddenSize()];
        double[] all = new double[0];
        double[] allNumeric = new double[0];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch.size(); b++) {
                double[] numeric = FiniteDifferences.gradient(offset[t][b],
                    () -> net.forward(w, batch, offset).loss());
                all = concat(all, analytic[t][b]);
                allNumeric = concat(allNumeric, numeric);
            }
        }
        Comparison.assertClose(c + ": dL/dh_t of the top layer", all, allNumeric, TOLERANCE);
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
