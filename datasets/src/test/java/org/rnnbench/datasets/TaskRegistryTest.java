package org.rnnbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.Topology;

class TaskRegistryTest {

    @Test
    void everyExampleIdMakesATaskOfThatIdWithAOneLineDescription() {
        for (TaskPattern p : TaskRegistry.patterns()) {
            SequenceTask task = TaskRegistry.create(p.example());
            assertEquals(p.example(), task.id());
            assertFalse(task.description().isBlank(), p.example());
            assertFalse(task.description().contains("\n"), p.example());
            assertFalse(p.description().contains("\n"), p.pattern());
        }
    }

    @Test
    void theTasksCoverEveryTopologyOfTheLecture() {
        Set<Topology> seen = EnumSet.noneOf(Topology.class);
        for (TaskPattern p : TaskRegistry.patterns()) {
            seen.add(TaskRegistry.create(p.example()).topology());
        }
        assertEquals(EnumSet.allOf(Topology.class), seen);
    }

    @Test
    void everyTrainingAndEvaluationBatchFitsTheTasksModel() {
        AllTasks.ids().forEach(id -> {
            SequenceTask task = TaskRegistry.create(id);
            var model = task.model(CellType.LSTM, 8, 1);
            task.trainBatch(1, 0, 5).check(model);
            task.evaluationSet(1, 64).get(0).check(model);
            assertTrue(task.analyticChance().containsKey(task.primaryMetric().name()), id);
        });
    }

    @Test
    void parametersAreReadFromTheId() {
        assertEquals("copy-T7-K3", TaskRegistry.create(" copy-T7-K3 ").id());
        assertEquals(4, TaskRegistry.create("copy-T7-K3").outputs());
        assertEquals(5, TaskRegistry.create("copy-T7-K3").encoding().vocab());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "adding", "adding-T", "adding-Tx", "adding-T-5", "copy-T100", "copy-T100-K8-x",
        "ADDING-T20", ""})
    void anUnknownOrMalformedIdFailsInOneLineListingThePatterns(String id) {
        var e = assertThrows(IllegalArgumentException.class, () -> TaskRegistry.create(id));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
        for (TaskPattern p : TaskRegistry.patterns()) {
            assertTrue(e.getMessage().contains(p.pattern()), e.getMessage());
        }
    }

    @Test
    void impossibleParametersFailWithTheValueAndTheValidRange() {
        assertMessage("adding-T0", "adding-T0: T must be in [2, 100000], got 0");
        assertMessage("adding-T1", "adding-T1: T must be in [2, 100000], got 1");
        assertMessage("copy-T100-K1", "copy-T100-K1: K must be in [2, 1000], got 1");
        assertMessage("copy-T0-K8", "copy-T0-K8: T must be in [1, 100000], got 0");
        assertMessage("parity-T3", "parity-T3: T must be in [6, 100000], got 3");
        assertMessage("shakespeare-char-T0", "shakespeare-char-T0: T must be in [1, 10000], got 0");
        assertMessage("reverse-T99999999999999999999", "reverse-T99999999999999999999: T must be in [2, 1000], got "
            + "99999999999999999999");
    }

    @Test
    void theTaskConstructorsCheckTheirParametersToo() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> new org.rnnbench.datasets.synthetic.CopyMemoryTask(10, 1));
        assertEquals("copy-T10-K1: K must be in [2, 1000], got 1", e.getMessage());
    }

    @Test
    void usageShowsEachParametersRange() {
        TaskPattern copy = TaskRegistry.patterns().stream().filter(p -> p.pattern().startsWith("copy")).findFirst()
            .orElseThrow();
        assertEquals("copy-T{T}-K{K} (T in 1..100000, K in 2..1000)", copy.usage());
    }

    private static void assertMessage(String id, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> TaskRegistry.create(id));
        assertEquals(message, e.getMessage());
    }
}
