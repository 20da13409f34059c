package org.rnnbench.harness.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.rnnbench.core.cost.CostRates;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.plan.Suites;
import org.rnnbench.harness.plan.TaskCatalog;

/** The partition: a pure function of plan, count and model; every unit once; balanced; backends gathered. */
class PartitionTest {
    private static final long MEMORY = 64L << 30;

    private static List<Workload> suite(String name) {
        TaskCatalog tasks = new TaskCatalog();
        // the product's three backends (this test's class path also registers test backends)
        List<PlannedUnit> units = new Planner(tasks, MEMORY).plan(Suites.get(name)
            .withBackends(List.of("scratch", "dl4j", "djl")).matrices(), 1);
        return Workload.of(units, tasks);
    }

    private static Workload unit(int i, String backend, double seconds) {
        return new Workload(i, "u" + i, backend, "lstm", 0, seconds / 2e-3);
    }

    /** A model in which a dl4j LSTM cell step costs 2 ms and nothing else costs anything. */
    private static CostModel plain() {
        CostRates r = new CostRates(0, Map.of(CostRates.ANY_CELL, 2e-3), 0, 0);
        return new CostModel(Map.of("scratch", r, "djl", r, "dl4j", r), Map.of(), 0);
    }

    @Test
    void everyUnitIsInExactlyOneShardAndTheSameInputsGiveTheSamePartition() {
        List<Workload> w = suite("quick");
        Partition a = Partition.lpt(w, 5, CostModel.defaults());
        Partition b = Partition.lpt(suite("quick"), 5, CostModel.defaults());
        assertEquals(a, b);
        Set<String> seen = new HashSet<>();
        a.shards().forEach(s -> s.units().forEach(id -> assertTrue(seen.add(id), id + " twice")));
        assertEquals(w.size(), seen.size());
        for (Partition.Shard s : a.shards()) {
            List<Integer> order = s.units().stream().map(id -> w.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow().index()).toList();
            assertEquals(order.stream().sorted().toList(), order, "plan order within a shard");
        }
    }

    @Test
    void theFullSuiteAtSixteenShardsHasItsLargestShardWithin1point3OfTheMean() {
        Partition p = Partition.lpt(suite("full"), 16, CostModel.defaults());
        double mean = p.totalSeconds() / 16;
        assertTrue(p.maxSeconds() <= 1.3 * mean, p.maxSeconds() + " against mean " + mean);
        assertEquals(567, p.shards().stream().mapToInt(s -> s.units().size()).sum());
    }

    @Test
    void longestFirstToTheLeastLoadedShard() {
        List<Workload> w = List.of(unit(0, "dl4j", 3), unit(1, "dl4j", 3), unit(2, "dl4j", 2), unit(3, "dl4j", 2),
            unit(4, "dl4j", 2));
        Partition p = Partition.lpt(w, 2, plain());
        assertEquals(List.of(List.of("u0", "u2", "u4"), List.of("u1", "u3")), p.shards().stream()
            .map(Partition.Shard::units).toList(), "3,2,2 | 3,2: LPT's 7 against 5, the best is 6 | 6");
        assertEquals(7, p.maxSeconds(), 1e-9);
    }

    @Test
    void aBackendsStartCostGathersItsUnits() {
        CostRates r = new CostRates(0, Map.of(CostRates.ANY_CELL, 2e-3), 0, 10);
        CostModel model = new CostModel(Map.of("scratch", r, "djl", r, "dl4j", r), Map.of(), 0);
        List<Workload> w = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            w.add(unit(i, i % 2 == 0 ? "scratch" : "djl", 1));
        }
        Partition p = Partition.lpt(w, 2, model);
        for (Partition.Shard s : p.shards()) {
            assertEquals(1, s.backends().size(), "each shard starts one JVM: " + s.backends());
            assertEquals(14, s.seconds(), 1e-9, "four units and one start");
        }
    }

    @Test
    void moreShardsThanUnitsLeavesSomeEmpty() {
        Partition p = Partition.lpt(List.of(unit(0, "djl", 1)), 3, plain());
        assertEquals(List.of(1, 0, 0), p.shards().stream().map(s -> s.units().size()).toList());
        assertEquals(0, p.shards().get(2).seconds());
    }
}
