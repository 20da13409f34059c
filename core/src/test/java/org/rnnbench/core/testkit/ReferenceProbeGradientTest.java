package org.rnnbench.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;

/** The reference stack probe: its input and weight gradients against central differences, and its shapes. */
class ReferenceProbeGradientTest {
    static final int B = 3;
    static final int T = 6;

    static ReferenceWeights weights(CellSpec cell, long seed) {
        return ReferenceWeights.of(Initializer.initialize(cell, Init.PYTORCH, seed));
    }

    static double[] input(CellSpec cell, long seed) {
        return Comparison.widen(RandomBatches.dense(B, T, cell.inputSize(), seed).values());
    }

    static List<CellSpec> stacks() {
        return ContractCases.stacks();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void inputAndWeightGradientsMatchFiniteDifferences(CellSpec cell) {
        ReferenceWeights w = weights(cell, 11);
        double[] x = input(cell, 12);
        ReferenceProbe.Result r = ReferenceProbe.run(cell, w, x, B, T);
        double[] numericInput = FiniteDifferences.gradient(x, () -> ReferenceProbe.run(cell, w, x, B, T).loss());
        Comparison.assertClose(cell.id() + ": dL/dx", r.inputGradient(), numericInput, 1e-6);
        Map<String, double[]> numeric = FiniteDifferences.gradient(w, () -> ReferenceProbe.run(cell, w, x, B, T)
            .loss());
        numeric.forEach((name, g) -> Comparison.assertClose(cell.id() + ": dL/d" + name,
            r.weightGradients().get(name), g, 1e-6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void lossIsHalfTheSquaredOutputAndTheLastOutputIsTheTopFinalState(CellSpec cell) {
        ReferenceProbe.Result r = ReferenceProbe.run(cell, weights(cell, 3), input(cell, 4), B, T);
        int h = cell.hiddenSize();
        double half = 0;
        for (double v : r.output()) {
            half += 0.5 * v * v;
        }
        assertEquals(half, r.loss(), 1e-12);
        int top = cell.layers() - 1;
        for (int b = 0; b < B; b++) {
            double[] last = java.util.Arrays.copyOfRange(r.output(), (b * T + T - 1) * h, (b * T + T) * h);
            double[] hN = java.util.Arrays.copyOfRange(r.hN(), (top * B + b) * h, (top * B + b + 1) * h);
            assertArrayEquals(last, hN, 0.0);
        }
        if (!cell.cell().hasCellState()) {
            assertNull(r.cN());
        } else {
            assertEquals(cell.layers() * B * h, r.cN().length);
        }
    }
}
