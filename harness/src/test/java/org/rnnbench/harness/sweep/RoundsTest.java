package org.rnnbench.harness.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.testing.SampleRecords;

/** Rounds deal each backend's units and let the backends take turns, round by round. */
class RoundsTest {
    private static List<PlannedUnit> units(String backend, int n) {
        return IntStream.range(0, n).mapToObj(seed -> new PlannedUnit(SampleRecords.params(backend, "gru", seed),
            "w" + seed + ".safetensors", Double.NaN, 1, 1)).toList();
    }

    private static List<String> described(List<Rounds.Turn> turns) {
        return turns.stream().map(t -> t.backend() + " " + t.units().stream().map(u -> u.params().seed())
            .toList()).toList();
    }

    @Test
    void unitsAreDealtAndBackendsTakeTurns() {
        Map<String, List<PlannedUnit>> byBackend = new LinkedHashMap<>();
        byBackend.put("scratch", units("scratch", 5));
        byBackend.put("djl", units("djl", 2));
        assertEquals(List.of("scratch [0, 2, 4]", "djl [0]", "scratch [1, 3]", "djl [1]"),
            described(Rounds.of(byBackend, 2)));
        assertEquals(List.of("scratch [0, 3]", "djl [0]", "scratch [1, 4]", "djl [1]", "scratch [2]"),
            described(Rounds.of(byBackend, 3)), "a backend with fewer units than rounds sits the last ones out");
        assertEquals(List.of("scratch [0, 1, 2, 3, 4]", "djl [0, 1]"), described(Rounds.of(byBackend, 1)),
            "one round: each backend in one JVM, one after another");
    }

    @Test
    void everyUnitRunsOnce() {
        Map<String, List<PlannedUnit>> byBackend = Map.of("dl4j", units("dl4j", 7));
        for (int rounds = 1; rounds <= 9; rounds++) {
            List<Long> seeds = Rounds.of(byBackend, rounds).stream().flatMap(t -> t.units().stream())
                .map(u -> u.params().seed()).sorted().toList();
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), seeds, rounds + " rounds");
        }
    }

    @Test
    void zeroRoundsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rounds.of(Map.of(), 0));
    }
}
