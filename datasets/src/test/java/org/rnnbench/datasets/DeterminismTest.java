package org.rnnbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.SequenceTask;

class DeterminismTest {

    static java.util.stream.Stream<String> ids() {
        return AllTasks.ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void theSameSeedAndStepGiveAnIdenticalBatchFromAnyInstance(String id) {
        SequenceTask a = TaskRegistry.create(id);
        SequenceTask b = TaskRegistry.create(id);
        for (long step : new long[] {0, 1, 17, 1_000_000_007L}) {
            Batch first = a.trainBatch(42, step, 8);
            a.trainBatch(7, step + 1, 3); // interleaved calls change nothing
            assertBatchEquals(first, a.trainBatch(42, step, 8));
            assertBatchEquals(first, b.trainBatch(42, step, 8));
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void anotherStepOrSeedGivesAnotherBatch(String id) {
        SequenceTask task = TaskRegistry.create(id);
        Batch batch = task.trainBatch(42, 3, 16);
        assertNotEquals(keys(batch), keys(task.trainBatch(42, 4, 16)));
        assertNotEquals(keys(batch), keys(task.trainBatch(43, 3, 16)));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void theEvaluationSetIsFixedPerSeedWhateverTheBatchSize(String id) {
        SequenceTask a = TaskRegistry.create(id);
        SequenceTask b = TaskRegistry.create(id);
        List<Long> whole = evaluationKeys(a, 5, 1000);
        assertEquals(whole, evaluationKeys(a, 5, 7));
        assertEquals(whole, evaluationKeys(b, 5, 64));
        a.trainBatch(5, 0, 4);
        assertEquals(whole, evaluationKeys(a, 5, 1000));
    }

    private static List<Long> evaluationKeys(SequenceTask task, long seed, int batchSize) {
        List<Long> keys = new ArrayList<>();
        for (Batch batch : task.evaluationSet(seed, batchSize)) {
            keys.addAll(keys(batch));
        }
        return keys;
    }

    private static List<Long> keys(Batch batch) {
        List<Long> keys = new ArrayList<>();
        for (int b = 0; b < batch.size(); b++) {
            keys.add(Rows.exampleKey(batch, b));
        }
        return keys;
    }

    static void assertBatchEquals(Batch expected, Batch actual) {
        assertEquals(expected.input(), actual.input());
        assertEquals(expected.target(), actual.target());
        assertEquals(expected.decoderInput(), actual.decoderInput());
    }
}
