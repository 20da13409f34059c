package org.rnnbench.scratch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.Tensor;

/**
 * The analytic gradients of the float32 model against central finite differences of its own float32 loss, one
 * random direction per parameter tensor, over every cell and topology with the encodings, losses and depths
 * rotated through. The tolerance is loose because the differences are taken in float32; ReLU gets a shorter step
 * and an absolute floor that fit float32 noise, because its kinks spoil longer central differences.
 */
class FiniteDifferenceTest {
    private static final double STEP = 1e-3;
    private static final double RELU_STEP = 1e-4;

    static List<ModelSpec> specs() {
        InputEncoding[] encodings = {new InputEncoding.Dense(3), new InputEncoding.OneHot(5),
            new InputEncoding.Embedding(6, 4)};
        LossType[] losses = LossType.values();
        List<ModelSpec> specs = new ArrayList<>();
        int i = 0;
        for (CellType cell : CellType.values()) {
            for (Topology topology : Topology.values()) {
                InputEncoding encoding = encodings[i % 3];
                LossType loss = losses[(i / 3 + i) % 3];
                int hidden = i % 2 == 0 ? 5 : 12;
                int layers = 1 + (i / 2) % 2;
                specs.add(new ModelSpec(encoding, cell, hidden, layers, topology, loss == LossType.MSE ? 2 : 3,
                    loss));
                i++;
            }
        }
        return specs;
    }

    @ParameterizedTest
    @MethodSource("specs")
    void gradientsMatchFiniteDifferencesOfTheLoss(ModelSpec spec) {
        CanonicalWeights weights = Initializer.initialize(spec, Init.PYTORCH, 7);
        Batch batch = RandomBatches.of(spec, 3, 4, 3, true, 11);
        try (SequenceModel model = new ScratchBackend().create(spec, TrainSpec.sgd(0.1, 3, 1, 1), 1)) {
            model.importWeights(weights);
            CanonicalWeights gradients = model.gradients(batch).gradients();
            SplittableRandom random = new SplittableRandom(5);
            for (Tensor t : weights.tensors()) {
                float[] direction = new float[t.size()];
                double analytic = 0;
                for (int i = 0; i < direction.length; i++) {
                    direction[i] = (float) random.nextGaussian();
                    analytic += direction[i] * gradients.data(t.name())[i];
                }
                boolean relu = spec.cell() == CellType.RNN_RELU;
                double step = relu ? RELU_STEP : STEP;
                double plus = lossAlong(model, weights, t.name(), direction, step, batch);
                double minus = lossAlong(model, weights, t.name(), direction, -step, batch);
                double numeric = (plus - minus) / (2 * step);
                double tolerance = 2e-2 * Math.max(Math.abs(analytic), Math.abs(numeric)) + (relu ? 2e-3 : 2e-4);
                assertTrue(Math.abs(analytic - numeric) <= tolerance, spec.cell() + " " + spec.topology() + " "
                    + spec.encoding().id() + " " + spec.loss() + " layers " + spec.layers() + ": " + t.name()
                    + " analytic " + analytic + " vs finite difference " + numeric);
            }
        }
    }

    private static double lossAlong(SequenceModel model, CanonicalWeights weights, String name, float[] direction,
                                    double step, Batch batch) {
        CanonicalWeights moved = weights.copy();
        float[] data = moved.data(name);
        for (int i = 0; i < data.length; i++) {
            data[i] += (float) (step * direction[i]);
        }
        model.importWeights(moved);
        return model.forward(batch).loss();
    }
}
