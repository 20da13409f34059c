package org.rnnbench.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.spec.LossType;

/** Metrics on cases small enough to compute by hand. */
class MetricAccumulatorTest {

    @Test
    void mseAveragesOverValidPositionsAndOutputsAcrossBatches() {
        MetricAccumulator acc = new MetricAccumulator(LossType.MSE);
        // batch 1: (B=2, T=2, O=1), lengths (2, 1): errors 1, 2, 3 (the padded 100 is ignored)
        acc.add(Sequences.dense(2, 2, 1, new float[] {0, 0, 0, 0}, new int[] {2, 1}), new float[] {1, 2, 3, 100});
        // batch 2: (B=1, T=1, O=2): errors 1, 1
        acc.add(Sequences.dense(1, 1, 2, new float[] {1, 1}), new float[] {0, 2});
        Map<String, Double> m = acc.result();
        double mse = (1 + 4 + 9 + 1 + 1) / 5.0;
        assertEquals(mse, m.get("loss"), 1e-12);
        assertEquals(mse, m.get("mse"), 1e-12);
        assertEquals(2, m.size());
    }

    @Test
    void crossEntropyGivesAccuracyBitsAndSequenceAccuracy() {
        MetricAccumulator acc = new MetricAccumulator(LossType.SOFTMAX_CE);
        // (B=2, T=2, O=2); sequence 0 both right, sequence 1 (length 1) wrong
        float[] logits = {2, 0, 0, 2, 0, 0, 5, 5};
        Sequences target = Sequences.ids(2, 2, 2, new int[] {0, 1, 1, 0}, new int[] {2, 1});
        acc.add(target, logits);
        Map<String, Double> m = acc.result();
        double right = Math.log(1 + Math.exp(-2));
        double tie = Math.log(2);
        double loss = (2 * right + tie) / 3;
        assertEquals(loss, m.get("loss"), 1e-12);
        assertEquals(2.0 / 3, m.get("accuracy"), 1e-12, "the tie goes to class 0, which is wrong for sequence 1");
        assertEquals(loss / Math.log(2), m.get("bits_per_symbol"), 1e-12);
        assertEquals(0.5, m.get("sequence_accuracy"), 1e-12);
    }

    @Test
    void oneStepCrossEntropyHasNoSequenceAccuracy() {
        MetricAccumulator acc = new MetricAccumulator(LossType.SOFTMAX_CE);
        acc.add(Sequences.ids(1, 1, 3, new int[] {2}), new float[] {0, 0, 1});
        assertFalse(acc.result().containsKey("sequence_accuracy"));
        assertEquals(1.0, acc.result().get("accuracy"));
    }

    @Test
    void binaryCrossEntropyIsSummedOverOutputsAndAveragedOverSteps() {
        MetricAccumulator acc = new MetricAccumulator(LossType.SIGMOID_BCE);
        acc.add(Sequences.dense(1, 2, 2, new float[] {1, 0, 0, 1}), new float[] {0, 0, 3, -1});
        double step1 = 2 * Math.log(2);
        double step2 = Math.log1p(Math.exp(3)) + Math.log1p(Math.exp(-1)) + 1;
        assertEquals((step1 + step2) / 2, acc.result().get("nll_per_step"), 1e-12);
        assertEquals(acc.result().get("loss"), acc.result().get("nll_per_step"));
    }

    @Test
    void nothingAddedGivesNanAndAWrongOutputSizeIsRejected() {
        MetricAccumulator acc = new MetricAccumulator(LossType.MSE);
        assertTrue(Double.isNaN(acc.result().get("loss")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> acc.add(Sequences.dense(2, 2, 1, new float[4]), new float[3]));
        assertTrue(e.getMessage().contains("outputs hold 3 values") && e.getMessage().contains("(2, 2, 1) = 4"),
            e.getMessage());
    }
}
