package org.rnnbench.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.rnnbench.core.run.Environment;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.reports.Fixtures;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.summary.Summaries;

/** A sweep run as shards on several nodes: the environment table names the nodes, step times name their CPU. */
class ClusterEnvironmentTest {

    private static LoadedRun on(RunRecord r, String cpu, String node, String task) {
        Environment e = r.environment();
        Environment env = new Environment(e.gitCommit(), e.jvm(), e.os(), e.arch(), cpu, e.cores(), e.libraries(),
            e.threads(), Map.of("SLURM_ARRAY_JOB_ID", "1040", "SLURM_ARRAY_TASK_ID", task, "SLURM_JOB_ID",
                "104" + task, "SLURMD_NODENAME", node), Map.of("gemm", 1.0 + Integer.parseInt(task)));
        RunRecord withEnv = new RunRecord(r.id(), r.params(), r.status(), r.message(), r.encoding(), r.topology(),
            r.loss(), r.canonicalParameters(), r.nativeParameters(), r.trainFlopsPerStep(), r.losses(),
            r.stepNanos(), r.primaryMetric(), r.higherIsBetter(), r.metrics(), r.chanceAnalytic(),
            r.chanceEmpirical(), r.targetLoss(), r.stepsToTarget(), r.secondsToTarget(), r.gradNormsInitial(),
            r.gradNormsTrained(), env, r.finishedAt());
        return new LoadedRun(withEnv, "runs.jsonl:1");
    }

    private static List<LoadedRun> runs(String secondCpu) {
        List<LoadedRun> runs = new ArrayList<>();
        runs.add(on(Fixtures.record("digits", "scratch", "lstm", 16, 0, 0.9, 2), "AMD EPYC", "node1", "0"));
        runs.add(on(Fixtures.record("digits", "scratch", "lstm", 16, 1, 0.9, 2), secondCpu, "node2", "1"));
        runs.add(on(Fixtures.record("digits", "djl", "lstm", 16, 0, 0.9, 3), "AMD EPYC", "node1", "0"));
        return runs;
    }

    private static List<String> column(Table t, String key) {
        int i = t.columns().stream().map(Column::key).toList().indexOf(key);
        return i < 0 ? List.of() : t.rows().stream().map(r -> String.valueOf(r.get(i))).toList();
    }

    @Test
    void theNodesOfOneMachineTypeAreOneGroupWithTheirRunCounts() {
        Table t = EnvironmentTable.of(runs("AMD EPYC"));
        assertTrue(column(t, "environment").stream().allMatch(g -> g.equals("all 3 runs")), "shards on equal"
            + " machines, each JVM with its own calibration, are one environment: " + column(t, "environment"));
        int nodes = column(t, "property").indexOf("nodes");
        assertEquals("node1 (2), node2 (1)", column(t, "value").get(nodes));
        assertEquals("Slurm array 1040", column(t, "value").get(column(t, "property").indexOf("scheduler jobs")));
    }

    @Test
    void stepTimesSayWhichCpuWhenTheRunsCameFromSeveral() {
        Table mixed = ResultsTable.of(Summaries.of(runs("Intel Xeon"), 0.1));
        List<String> cpu = column(mixed, "step_time_cpu");
        assertEquals(List.of("AMD EPYC", "mixed: AMD EPYC (1 run), Intel Xeon (1 run)"), cpu, "djl, scratch");
        int median = mixed.columns().stream().map(Column::key).toList().indexOf("median_ms_per_step");
        assertEquals("step_time_cpu", mixed.columns().get(median + 3).key(), "next to median, p10, p90");
        assertTrue(mixed.note().contains("2 CPU models"), mixed.note());
        Table uniform = ResultsTable.of(Summaries.of(runs("AMD EPYC"), 0.1));
        assertFalse(uniform.columns().stream().anyMatch(c -> c.key().equals("step_time_cpu")));
        assertEquals(2, EnvironmentTable.of(runs("Intel Xeon")).rows().stream().map(r -> r.get(0)).distinct()
            .count(), "two machine types, two groups");
    }
}
