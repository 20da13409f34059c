package org.rnnbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.GeneratedTask;
import org.rnnbench.datasets.base.Track;

class DisjointSplitsTest {

    /** Every task but the text windows, where equal content is expected (single characters) and meaningless. */
    static java.util.stream.Stream<String> ids() {
        return AllTasks.ids().filter(id -> !id.startsWith("shakespeare"));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void noEvaluationInputIsEverInATrainingBatch(String id) {
        SequenceTask task = TaskRegistry.create(id);
        Set<Long> evaluation = new HashSet<>();
        for (Batch batch : task.evaluationSet(3, 256)) {
            for (int b = 0; b < batch.size(); b++) {
                evaluation.add(Rows.inputKey(batch, b));
            }
        }
        for (long seed = 0; seed < 3; seed++) {
            for (long step = 0; step < 20; step++) {
                Batch batch = task.trainBatch(seed, step, 32);
                for (int b = 0; b < batch.size(); b++) {
                    assertFalse(evaluation.contains(Rows.inputKey(batch, b)),
                        id + ": training step " + step + " of seed " + seed + " holds an evaluation input");
                }
            }
        }
    }

    /** Spaces of a few hundred sequences, which training covers almost entirely. */
    @ParameterizedTest
    @ValueSource(strings = {"parity-T6", "parity-T8", "reverse-T2", "sort-T2", "copy-T1-K2"})
    void smallSpacesAreSplitWithBothPartsFilledAndDisjoint(String id) {
        GeneratedTask task = (GeneratedTask) TaskRegistry.create(id);
        Set<Long> evaluation = new HashSet<>();
        for (Example e : task.evaluation(9)) {
            assertTrue(task.heldOut(e));
            evaluation.add(e.input().contentHash());
        }
        Set<Long> training = new HashSet<>();
        for (long step = 0; step < 200; step++) {
            Batch batch = task.trainBatch(9, step, 64);
            for (int b = 0; b < batch.size(); b++) {
                training.add(Rows.inputKey(batch, b));
            }
        }
        int before = training.size();
        training.removeAll(evaluation);
        assertEquals(before, training.size(), id + ": training and evaluation share inputs");
        assertTrue(evaluation.size() > 1 && training.size() > evaluation.size(), id + ": " + evaluation.size()
            + " held-out and " + training.size() + " training inputs");
    }

    @Test
    void parityHoldsOutBothParitiesOfEveryHeldOutKey() {
        GeneratedTask task = (GeneratedTask) TaskRegistry.create("parity-T6");
        int[] classes = new int[2];
        Set<Integer> lengths = new HashSet<>();
        for (Example e : task.evaluation(1)) {
            classes[e.target().ids()[0]]++;
            int[] flipped = e.input().ids().clone();
            lengths.add(flipped.length);
            flipped[flipped.length - 1] ^= 1;
            assertTrue(task.heldOut(new Example(Track.ids(2, flipped), Track.ids(2, 1 - e.target().ids()[0]))));
        }
        assertTrue(classes[0] > 400 && classes[1] > 400, classes[0] + " / " + classes[1]);
        assertTrue(lengths.size() > 2, "held-out lengths " + lengths);
    }
}
