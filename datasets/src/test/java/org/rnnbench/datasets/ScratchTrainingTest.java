package org.rnnbench.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.Evaluator;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Metric;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;

/**
 * Short runs of the scratch backend (a GRU of 32 units, Adam 0.01, clipping at norm 1, a few hundred steps) beat
 * the chance baseline clearly on each task's held-out set: the tasks are learnable as generated, their targets
 * line up with their inputs, and what is held out follows the same rule as what trains. Over seeds 1-4 these runs
 * reached MSE 0.0007-0.0017 on adding-T20, 100% on parity-T10 and 94-96% on digits-rows.
 */
class ScratchTrainingTest {
    private static final long SEED = 1;

    @Test
    void addingT20EndsFarBelowTheChanceMse() {
        double mse = train("adding-T20", 32, 300).get(Metric.MSE.name());
        assertTrue(mse < chance("adding-T20", Metric.MSE) / 10, "adding-T20 held-out MSE " + mse + ", chance 1/6");
    }

    @Test
    void parityIsRightOnHeldOutBitStrings() {
        double accuracy = train("parity-T10", 64, 200).get(Metric.ACCURACY.name());
        assertTrue(accuracy > 0.95, "parity-T10 held-out accuracy " + accuracy + ", chance 0.5");
    }

    @Test
    void digitsReadRowByRowAreRecognised() {
        double accuracy = train("digits-rows", 32, 300).get(Metric.ACCURACY.name());
        assertTrue(accuracy > 0.85, "digits-rows held-out accuracy " + accuracy + ", chance 0.1");
    }

    private static double chance(String id, Metric metric) {
        return TaskRegistry.create(id).analyticChance().get(metric.name());
    }

    /** The held-out metrics of a GRU trained {@code steps} steps on a task. */
    private static Map<String, Double> train(String id, int batchSize, int steps) {
        SequenceTask task = TaskRegistry.create(id);
        ModelSpec spec = task.model(CellType.GRU, 32, 1);
        TrainSpec train = TrainSpec.adam(0.01, batchSize, steps, SEED).withClipNorm(1.0);
        try (SequenceModel model = Backends.get("scratch").create(spec, train, 1)) {
            model.importWeights(Initializer.initialize(spec, Init.PYTORCH, SEED));
            for (int step = 0; step < steps; step++) {
                model.trainStep(task.trainBatch(SEED, step, batchSize));
            }
            return Evaluator.evaluate(model, task, task.evaluationSet(SEED, 256));
        }
    }
}
