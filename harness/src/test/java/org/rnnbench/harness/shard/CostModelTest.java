package org.rnnbench.harness.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.harness.testing.SampleRecords;

/** The cost model: backends in their measured order, corrected by recorded step times. */
class CostModelTest {

    private static Workload of(String backend, String cell, double flops, double steps) {
        return new Workload(0, "u", backend, cell, flops, steps);
    }

    @Test
    void scratchIsFastestAndDl4jSlowestForTheSameWork() {
        CostModel m = CostModel.defaults();
        for (String cell : List.of("rnn-tanh", "lstm", "gru")) {
            double scratch = m.seconds(of("scratch", cell, 1e10, 1e5));
            double djl = m.seconds(of("djl", cell, 1e10, 1e5));
            double dl4j = m.seconds(of("dl4j", cell, 1e10, 1e5));
            assertTrue(scratch < djl && djl < dl4j, cell + ": " + scratch + " " + djl + " " + dl4j);
        }
        assertEquals(m.seconds(of("djl", "lstm", 1e9, 10)), m.seconds(of("djl:unrolled", "lstm", 1e9, 10)),
            "a variant prices as its backend");
        assertTrue(m.seconds(of("dl4j", "gru", 0, 1e4)) > 3 * m.seconds(of("dl4j", "lstm", 0, 1e4)),
            "DL4J's GRU from primitive ops pays most per cell step");
    }

    private static RunRecord timed(String backend, String cell, RunStatus status, double secondsPerStep) {
        RunParams p = new RunParams("adding-T20", backend, cell, 8, 1, "pytorch", "adam", 1e-3, 1, 0, 4, 3, 0, 1);
        long ns = Math.round(secondsPerStep * 1e9);
        return SampleRecords.record(p, status, new double[] {1, 1, 1}, new long[] {ns, ns, ns}, Map.of("mse", 1.0));
    }

    @Test
    void recordedStepTimesCorrectTheirBackendAndCell() {
        TaskCatalog tasks = new TaskCatalog();
        CostModel base = CostModel.defaults();
        RunParams p = new RunParams("adding-T20", "djl", "lstm", 8, 1, "pytorch", "adam", 1e-3, 1, 0, 4, 3, 0, 1);
        double cellSteps = Workload.cellSteps(p, tasks);
        assertEquals(20, cellSteps, "T=20, one layer");
        double estimate = 1e6 * base.rates("djl").secondsPerFlop() + 20 * base.rates("djl").cellStep("lstm");
        CostModel refined = CostModel.refined(List.of(timed("djl", "lstm", RunStatus.OK, 10 * estimate),
            timed("djl", "lstm", RunStatus.FAILED, 1000 * estimate)), tasks);
        assertEquals(1, refined.records(), "FAILED units do not measure speed");
        assertEquals(10, refined.correction("djl", "lstm"), 1e-6);
        assertEquals(10, refined.correction("djl", "gru"), 1e-6, "another cell takes the backend's correction");
        assertEquals(1, refined.correction("scratch", "lstm"), "nothing recorded: the default");
        Workload w = of("djl", "lstm", 1e9, 1e3);
        assertEquals(10 * base.seconds(w), refined.seconds(w), 1e-9 * base.seconds(w));
    }
}
