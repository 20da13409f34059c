package org.rnnbench.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.harness.UsageException;

class SuitesTest {
    @Test
    void everySuitePlansOnEveryMainBackendAndCell() {
        for (Suite s : Suites.all()) {
            List<PlannedUnit> units = new Planner(new TaskCatalog(), 16L << 30).plan(s.matrices(), 1);
            Set<String> backends = units.stream().map(u -> u.params().backend()).collect(Collectors.toSet());
            Set<String> cells = units.stream().map(u -> u.params().cell()).collect(Collectors.toSet());
            assertEquals(Set.copyOf(Suites.mainBackends()), backends, s.name());
            assertEquals(Set.copyOf(Suites.ALL_CELLS), cells, s.name());
        }
    }

    @Test
    void theMainBackendsAreTheRegisteredOnesWithoutVariantsReferenceFirst() {
        // the tests register the double-precision reference and faulty variants of it (reference:throwing, ...)
        assertEquals(List.of("scratch", "djl", "dl4j", "reference"), Suites.mainBackends());
    }

    @Test
    void quickHasTwoSeedsAndBothManyToOneAndManyToMany() {
        List<RunParams> quick = Suites.get("quick").matrices().stream().flatMap(m -> m.params(1).stream()).toList();
        assertTrue(quick.stream().map(RunParams::seed).distinct().count() >= 2);
        Set<String> topologies = new Planner(new TaskCatalog(), 16L << 30).plan(Suites.get("quick").matrices(), 1)
            .stream().map(u -> new TaskCatalog().get(u.params().task()).topology().id()).collect(Collectors.toSet());
        assertTrue(topologies.containsAll(Set.of("many-to-one", "many-to-many")), topologies.toString());
    }

    @Test
    void anUnknownSuiteNamesTheKnownOnes() {
        String m = assertThrows(UsageException.class, () -> Suites.get("quik")).getMessage();
        assertTrue(m.contains("quik") && m.contains("smoke, quick, full"), m);
    }
}
