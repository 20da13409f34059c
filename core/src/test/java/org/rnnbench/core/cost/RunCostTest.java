package org.rnnbench.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/** The cost of a run, worked by hand from the formulas. */
class RunCostTest {
    // LSTM, I = 3, H = 4, one output; a batch of B = 2 sequences of T = 5 steps
    private static final int B = 2;
    private static final int T = 5;

    private static ModelSpec lstm(Topology topology) {
        return new ModelSpec(new InputEncoding.Dense(3), CellType.LSTM, 4, 1, topology, 1, LossType.MSE);
    }

    private static Batch batch(int targetTime) {
        return new Batch(Sequences.dense(B, T, 3, new float[B * T * 3]),
            Sequences.dense(B, targetTime, 1, new float[B * targetTime]));
    }

    @Test
    void aManyToOneTrainStepIsThreeTimesItsStepsAndOneHeadPosition() {
        // a step: 2*B*G*H*(I+H) = 2*2*4*4*7 = 448; five steps 2240; the head once 2*B*O*H = 16; train 3 x 2256
        assertEquals(6768, RunCost.trainFlops(lstm(Topology.MANY_TO_ONE), batch(1)));
        assertEquals(5, RunCost.recurrentSteps(lstm(Topology.MANY_TO_ONE), batch(1)));
    }

    @Test
    void aManyToManyStepReadsTheHeadAtEveryStep() {
        assertEquals(3 * (2240 + 5 * 16), RunCost.trainFlops(lstm(Topology.MANY_TO_MANY), batch(T)));
    }

    @Test
    void aRunIsItsTrainStepsAndOneEvaluationOfTheEstimatedSetSize() {
        // evaluation: forward (train / 3) per batch of B, over 1024 sequences
        double expected = 6768.0 * 100 + 6768.0 / 3 * RunCost.EVALUATION_SEQUENCES_ESTIMATE / B;
        assertEquals(expected, RunCost.flops(lstm(Topology.MANY_TO_ONE), batch(1), 100), 1e-6);
    }
}
