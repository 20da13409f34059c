package org.rnnbench.core.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.testkit.ContractCase;
import org.rnnbench.core.testkit.ContractCases;
import org.rnnbench.core.testkit.RandomBatches;

/** Batch and Sequences validation, and Batch.check against a model. */
class BatchTest {
    static final InputEncoding DENSE2 = new InputEncoding.Dense(2);

    static ModelSpec model(InputEncoding enc, Topology topology, LossType loss, int outputs) {
        return new ModelSpec(enc, CellType.GRU, 4, 1, topology, outputs, loss);
    }

    static Sequences dense(int batch, int time, int width) {
        return Sequences.dense(batch, time, width, new float[batch * time * width]);
    }

    static Sequences ids(int batch, int time, int vocab) {
        return Sequences.ids(batch, time, vocab, new int[batch * time]);
    }

    static void rejects(Executable e, String... parts) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String p : parts) {
            assertTrue(ex.getMessage().contains(p), "'" + p + "' missing from: " + ex.getMessage());
        }
    }

    @Test
    void sequencesRejectBadShapesLengthsAndIds() {
        rejects(() -> Sequences.dense(2, 3, 1, new float[5]), "need 6 values, got 5");
        rejects(() -> Sequences.dense(2, 3, 1, new float[6], new int[] {3, 4}), "sequence 1 has length 4",
            "[0, 3]");
        rejects(() -> Sequences.ids(1, 2, 5, new int[] {0, 5}), "id 5 at sequence 0, step 1", "[0, 5)");
        rejects(() -> new Sequences(1, 1, 1, new float[1], new int[1], new int[] {1}), "exactly one");
        Sequences s = Sequences.dense(2, 3, 1, new float[6], new int[] {3, 1});
        assertEquals(4, s.validCount());
        assertEquals(java.util.List.of(1f, 1f, 1f, 1f, 0f, 0f), toList(s.mask()));
    }

    static java.util.List<Float> toList(float[] a) {
        java.util.List<Float> l = new java.util.ArrayList<>();
        for (float v : a) {
            l.add(v);
        }
        return l;
    }

    @Test
    void batchRejectsDisagreeingPartsAndEmptyInputs() {
        rejects(() -> new Batch(dense(2, 3, 2), dense(3, 1, 1)), "input has 2 sequences, target 3");
        rejects(() -> new Batch(Sequences.dense(2, 3, 2, new float[12], new int[] {3, 0}), dense(2, 1, 1)),
            "input sequence 1 is empty");
        rejects(() -> new Batch(dense(2, 3, 2), dense(2, 3, 2), dense(2, 4, 1)), "decoder input has shape (2, 3)",
            "(2, 4)");
    }

    @Test
    void checkRejectsTheWrongInputKindOrWidth() {
        ModelSpec m = model(DENSE2, Topology.MANY_TO_ONE, LossType.MSE, 1);
        rejects(() -> new Batch(ids(2, 3, 2), dense(2, 1, 1)).check(m), "dense2", "real values", "the batch has ids");
        rejects(() -> new Batch(dense(2, 3, 3), dense(2, 1, 1)).check(m), "width 2", "the batch has 3");
        ModelSpec tokens = model(new InputEncoding.OneHot(5), Topology.MANY_TO_ONE, LossType.MSE, 1);
        rejects(() -> new Batch(ids(2, 3, 4), dense(2, 1, 1)).check(tokens), "onehot5", "width 5", "has 4");
    }

    @Test
    void checkRejectsTargetsThatDoNotFitTheLoss() {
        ModelSpec ce = model(DENSE2, Topology.MANY_TO_ONE, LossType.SOFTMAX_CE, 3);
        rejects(() -> new Batch(dense(2, 3, 2), dense(2, 1, 3)).check(ce), "ce loss needs targets of class ids",
            "[0, 3)");
        ModelSpec bce = model(DENSE2, Topology.MANY_TO_ONE, LossType.SIGMOID_BCE, 1);
        Sequences bad = Sequences.dense(2, 1, 1, new float[] {1, 1.5f});
        rejects(() -> new Batch(dense(2, 3, 2), bad).check(bce), "[0, 1]", "found 1.5");
        ModelSpec mse = model(DENSE2, Topology.MANY_TO_ONE, LossType.MSE, 2);
        rejects(() -> new Batch(dense(2, 3, 2), dense(2, 1, 1)).check(mse), "width 2", "values of width 1");
    }

    @Test
    void checkRejectsTimeShapesOfTheWrongTopology() {
        rejects(() -> new Batch(dense(2, 2, 2), dense(2, 1, 1)).check(model(DENSE2, Topology.ONE_TO_ONE,
            LossType.MSE, 1)), "one-to-one model needs input of 1 step(s), the batch has 2");
        rejects(() -> new Batch(dense(2, 2, 2), dense(2, 3, 1)).check(model(DENSE2, Topology.ONE_TO_MANY,
            LossType.MSE, 1)), "one-to-many model needs input of 1 step(s)");
        rejects(() -> new Batch(dense(2, 4, 2), dense(2, 2, 1)).check(model(DENSE2, Topology.MANY_TO_ONE,
            LossType.MSE, 1)), "target of 1 step(s), the batch has 2");
        rejects(() -> new Batch(dense(2, 4, 2), dense(2, 3, 1)).check(model(DENSE2, Topology.MANY_TO_MANY,
            LossType.MSE, 1)), "target of 4 step(s), the batch has 3");
        rejects(() -> new Batch(dense(2, 4, 2), dense(2, 3, 1)).check(model(DENSE2, Topology.SEQ_TO_SEQ,
            LossType.MSE, 1)), "needs a decoder input");
        rejects(() -> new Batch(dense(2, 4, 2), dense(2, 1, 2), dense(2, 1, 1)).check(model(DENSE2,
            Topology.MANY_TO_ONE, LossType.MSE, 1)), "only encoder-decoder models read a decoder input");
        rejects(() -> new Batch(dense(2, 4, 2), ids(2, 3, 2), dense(2, 3, 1)).check(model(DENSE2,
            Topology.SEQ_TO_SEQ, LossType.MSE, 1)), "decoder input as real values");
    }

    @Test
    void recurrentStepsAreTheInputLengthOrTheOutputLengthForOneToMany() {
        Batch b = new Batch(dense(2, 1, 2), dense(2, 7, 1));
        assertEquals(7, b.recurrentSteps(Topology.ONE_TO_MANY));
        assertEquals(1, b.recurrentSteps(Topology.ONE_TO_ONE));
    }

    @Test
    void randomBatchesFitEveryContractModel() {
        for (ContractCase c : ContractCases.grid()) {
            Batch b = RandomBatches.of(c.model(), c.seed());
            assertDoesNotThrow(() -> b.check(c.model()), c.name());
            assertEquals(RandomBatches.BATCH, b.size());
            assertTrue(b.input().lengths()[0] == b.input().time(), "sequence 0 has the full length");
        }
    }
}
