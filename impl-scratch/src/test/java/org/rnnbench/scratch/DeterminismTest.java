package org.rnnbench.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.Tensor;

/** Results do not depend on the thread count (beyond float rounding) and repeat bit for bit. */
class DeterminismTest {
    private static final int STEPS = 6;

    static List<ModelSpec> specs() {
        return List.of(
            new ModelSpec(new InputEncoding.Dense(3), CellType.LSTM, 20, 2, Topology.MANY_TO_MANY, 2, LossType.MSE),
            new ModelSpec(new InputEncoding.OneHot(7), CellType.GRU, 36, 2, Topology.MANY_TO_ONE, 4,
                LossType.SOFTMAX_CE),
            new ModelSpec(new InputEncoding.Embedding(9, 5), CellType.RNN_TANH, 40, 1, Topology.SEQ_TO_SEQ, 9,
                LossType.SOFTMAX_CE),
            new ModelSpec(new InputEncoding.Dense(4), CellType.RNN_RELU, 24, 2, Topology.ONE_TO_MANY, 3,
                LossType.SIGMOID_BCE));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void oneAndTwoThreadsAgreeToFloatRounding(ModelSpec spec) {
        Run one = train(spec, 1);
        Run two = train(spec, 2);
        for (int s = 0; s < STEPS; s++) {
            assertEquals(one.losses[s], two.losses[s], 1e-6 * Math.abs(one.losses[s]), "loss of step " + s);
        }
        for (Tensor t : one.weights.tensors()) {
            float[] a = t.data();
            float[] b = two.weights.data(t.name());
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-5f * (1 + Math.abs(a[i])), t.name() + "[" + i + "]");
            }
        }
        for (int t = 0; t < one.norms.length; t++) {
            assertEquals(one.norms[t], two.norms[t], 1e-6 * one.norms[t] + 1e-12, "dL/dh norm of step " + t);
        }
    }

    @Test
    void theSameSeedGivesABitIdenticalLossCurve() {
        ModelSpec spec = specs().get(0);
        Run first = train(spec, 2);
        Run second = train(spec, 2);
        assertArrayEquals(first.losses, second.losses);
        assertEquals(first.weights, second.weights);
        assertTrue(first.losses[STEPS - 1] < first.losses[0], "training did not lower the loss: "
            + first.losses[0] + " -> " + first.losses[STEPS - 1]);
    }

    private static Run train(ModelSpec spec, int threads) {
        TrainSpec train = TrainSpec.adam(0.01, 8, STEPS, 3).withClipNorm(1.0);
        try (SequenceModel model = new ScratchBackend().create(spec, train, threads)) {
            model.importWeights(Initializer.initialize(spec, Init.PYTORCH, 3));
            double[] losses = new double[STEPS];
            for (int s = 0; s < STEPS; s++) {
                losses[s] = model.trainStep(RandomBatches.of(spec, 8, 9, 7, 100 + s));
            }
            Batch probe = RandomBatches.of(spec, 8, 9, 7, 99);
            return new Run(losses, model.exportWeights(), model.hiddenGradientNorms(probe));
        }
    }

    private record Run(double[] losses, CanonicalWeights weights, double[] norms) {
    }
}
