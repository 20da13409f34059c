package org.rnnbench.scratch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;

/**
 * A scratch LSTM learns the adding problem at T = 20 (two channels: values U[0,1] and a marker with one 1 in each
 * half; target the sum of the two marked values) in a few hundred Adam steps, ending far below the chance MSE of
 * 1/6 that predicting 1 gets.
 */
class AddingProblemTest {
    private static final int TIME = 20;
    private static final int BATCH = 32;

    @Test
    void lstmLearnsTheAddingProblemWellBelowChance() {
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(2), CellType.LSTM, 32, 1, Topology.MANY_TO_ONE, 1,
            LossType.MSE);
        TrainSpec train = TrainSpec.adam(0.01, BATCH, 400, 1).withClipNorm(1.0);
        SplittableRandom data = new SplittableRandom(2024);
        try (SequenceModel model = new ScratchBackend().create(spec, train, 1)) {
            model.importWeights(Initializer.initialize(spec, Init.PYTORCH, 1));
            for (int step = 0; step < train.steps(); step++) {
                model.trainStep(addingBatch(data, BATCH));
            }
            double mse = model.forward(addingBatch(new SplittableRandom(7), 512)).loss();
            assertTrue(mse < 0.05, "held-out MSE " + mse + " is not well below the chance level 1/6");
        }
    }

    /** B sequences of the adding problem. */
    static Batch addingBatch(SplittableRandom random, int batch) {
        float[] x = new float[batch * TIME * 2];
        float[] y = new float[batch];
        for (int b = 0; b < batch; b++) {
            int first = random.nextInt(TIME / 2);
            int second = TIME / 2 + random.nextInt(TIME / 2);
            for (int t = 0; t < TIME; t++) {
                float value = (float) random.nextDouble();
                x[(b * TIME + t) * 2] = value;
                if (t == first || t == second) {
                    x[(b * TIME + t) * 2 + 1] = 1f;
                    y[b] += value;
                }
            }
        }
        return new Batch(Sequences.dense(batch, TIME, 2, x), Sequences.dense(batch, 1, 1, y));
    }
}
