package org.rnnbench.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.rnnbench.harness.UsageException;

class PlannerTest {
    private static final long MEMORY = 16L << 30;

    private static Matrix matrix(List<String> tasks, List<String> cells, List<String> backends, List<Integer> hidden) {
        return new Matrix(tasks, cells, backends, hidden, List.of(1), List.of(0L, 1L), "pytorch", "adam", 1e-3, 1, 0,
            8, 5, null);
    }

    private static List<PlannedUnit> plan(Matrix m) {
        return new Planner(new TaskCatalog(), MEMORY).plan(List.of(m), 1);
    }

    private static String message(Matrix m) {
        return assertThrows(UsageException.class, () -> plan(m)).getMessage();
    }

    @Test
    void everyCombinationOnceWithCanonicalDeterministicIds() {
        Matrix m = matrix(List.of("adding-T20"), List.of("rnn", "LSTM", "lstm"), List.of("scratch", "reference"),
            List.of(8));
        List<PlannedUnit> units = plan(m);
        assertEquals(2 * 2 * 2, units.size(), "cells rnn-tanh and lstm, two backends, two seeds");
        assertEquals(units.stream().map(PlannedUnit::id).toList(), plan(m).stream().map(PlannedUnit::id).toList());
        assertTrue(units.get(0).id().startsWith("rnn-tanh[batch=8,clip=1,hidden=8"), units.get(0).id());
        assertEquals(units.size(), units.stream().map(PlannedUnit::id).distinct().count());
    }

    @Test
    void backendsOfOneConfigurationShareTheWeightsFileAndSeedsDoNot() {
        List<PlannedUnit> units = plan(matrix(List.of("adding-T20"), List.of("gru"), List.of("scratch", "reference"),
            List.of(8)));
        Set<String> files = units.stream().map(PlannedUnit::weightsFile).collect(Collectors.toSet());
        assertEquals(2, files.size(), "one file per seed, shared by both backends: " + files);
        assertEquals(units.get(0).weightsFile(), units.get(2).weightsFile());
    }

    @Test
    void defaultTargetIsHalfTheChanceLossAndCostsArePositive() {
        PlannedUnit u = plan(matrix(List.of("adding-T20"), List.of("lstm"), List.of("scratch"), List.of(8))).get(0);
        assertEquals(1 / 12.0, u.targetLoss(), 1e-9, "adding's chance MSE is 1/6");
        assertTrue(u.cost() > 0);
    }

    @Test
    void theMatrixNameDependsOnTheUnitsOnly() {
        List<String> a = List.of("x", "y");
        assertEquals(UnitNames.matrixName("run", a), UnitNames.matrixName("run", List.of("y", "x")));
        assertNotEquals(UnitNames.matrixName("run", a), UnitNames.matrixName("run", List.of("x")));
        assertTrue(UnitNames.matrixName("run", a).matches("run-[0-9a-f]{10}"));
    }

    @Test
    void unknownIdsNameTheOptionTheValueAndTheKnownOnes() {
        String task = message(matrix(List.of("adding-X"), List.of("lstm"), List.of("scratch"), List.of(8)));
        assertTrue(task.contains("adding-X") && task.contains("adding-T{T}"), task);
        String cell = message(matrix(List.of("adding-T20"), List.of("lstmm"), List.of("scratch"), List.of(8)));
        assertTrue(cell.startsWith("--cells") && cell.contains("lstmm") && cell.contains("rnn-tanh"), cell);
        String backend = message(matrix(List.of("adding-T20"), List.of("lstm"), List.of("tensorflow"), List.of(8)));
        assertTrue(backend.startsWith("--backends") && backend.contains("tensorflow") && backend.contains("scratch"),
            backend);
        String range = message(matrix(List.of("adding-T1"), List.of("lstm"), List.of("scratch"), List.of(8)));
        assertTrue(range.contains("T must be in"), range);
    }

    @Test
    void impossibleSizesAreRefusedBeforeAnythingRuns() {
        String zero = message(matrix(List.of("adding-T20"), List.of("lstm"), List.of("scratch"), List.of(0)));
        assertTrue(zero.startsWith("--hidden 0"), zero);
        String huge = message(matrix(List.of("adding-T20"), List.of("lstm"), List.of("scratch"), List.of(30_000)));
        assertTrue(huge.contains("Java array") && huge.contains("weight_hh_l0"), huge);
        String memory = message(matrix(List.of("adding-T20"), List.of("rnn-tanh"), List.of("scratch"),
            List.of(30_000)));
        assertTrue(memory.contains("GB") && memory.contains("--hidden"), memory);
        Matrix badSteps = new Matrix(List.of("adding-T20"), List.of("lstm"), List.of("scratch"), List.of(8),
            List.of(1), List.of(0L), "pytorch", "adam", -1, 1, 0, 8, 5, null);
        assertTrue(message(badSteps).contains("learning rate"));
        assertThrows(UsageException.class, () -> new Planner(new TaskCatalog(), MEMORY).plan(List.of(
            matrix(List.of("adding-T20"), List.of("lstm"), List.of("scratch"), List.of(8))), 0));
    }
}
