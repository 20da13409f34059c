package org.rnnbench.harness.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.store.RunCsv;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;
import org.rnnbench.harness.testing.FaultyBackends;

/**
 * A sweep records every way a unit can end and goes on: OK, DIVERGED at the first non-finite loss, FAILED when a
 * backend throws, FAILED when its worker JVM dies mid-unit (the next worker takes the rest), UNSUPPORTED.
 */
class SweepOutcomesTest {
    @TempDir
    Path tmp;

    private static Map<String, RunRecord> byBackendAndHidden(List<RunRecord> records) {
        return records.stream().collect(Collectors.toMap(r -> r.params().backend() + "/" + r.params().hidden(),
            Function.identity()));
    }

    @Test
    void everyEndingIsRecordedAndTheSweepGoesOn() throws IOException {
        Path out = tmp.resolve("r");
        Cli.Result r = Cli.run("run", "--tasks", "adding-T6", "--cells", "gru", "--hidden",
            FaultyBackends.CRASH_HIDDEN + ",4", "--steps", "6", "--batch", "2", "--backends",
            "reference,reference:diverging,reference:throwing,reference:crashing", "--out", out.toString(),
            "--progress", "none");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        List<RunRecord> records = new RunStore(out).records();
        assertEquals(8, records.size(), "every unit once: " + records.stream().map(RunRecord::id).toList());
        Map<String, RunRecord> by = byBackendAndHidden(records);

        RunRecord ok = by.get("reference/4");
        assertEquals(RunStatus.OK, ok.status());
        assertEquals(6, ok.losses().length);
        assertEquals(6, ok.stepNanos().length);
        assertTrue(ok.metrics().containsKey("mse"));
        assertEquals(6, ok.gradNormsInitial().length, "one norm per step of adding-T6");
        assertEquals(6, ok.gradNormsTrained().length);
        assertTrue(ok.trainFlopsPerStep() > 0);
        assertEquals(ok.canonicalParameters(), ok.nativeParameters());
        assertTrue(ok.environment().libraries().containsKey("rnnbench"));
        assertEquals(Map.of("backend", "1"), ok.environment().threads(),
            "a record holds its own backend's thread settings only, and the reference names none");

        RunRecord diverged = by.get("reference:diverging/4");
        assertEquals(RunStatus.DIVERGED, diverged.status());
        assertEquals(4, diverged.losses().length, "the curve is kept up to the first NaN");
        assertTrue(Double.isNaN(diverged.losses()[3]));
        assertTrue(diverged.message().contains("step 3"), diverged.message());

        RunRecord failed = by.get("reference:throwing/4");
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("IllegalStateException: simulated failure (at train step 2)", failed.message());
        assertEquals(2, failed.losses().length);

        RunRecord crashed = by.get("reference:crashing/" + FaultyBackends.CRASH_HIDDEN);
        assertEquals(RunStatus.FAILED, crashed.status());
        assertTrue(crashed.message().contains("exit code 134") && crashed.message().contains("simulated native abort"),
            crashed.message());
        assertEquals(RunStatus.OK, by.get("reference:crashing/4").status(), "a new worker ran the unit after the crash");

        String csv = Files.readString(out.resolve(RunCsv.FILE));
        assertEquals(9, csv.lines().count(), "header and one row per unit");
        assertTrue(r.out().contains("units: "), r.out());
    }

    @Test
    void unsupportedUnitsAreRecordedWithTheReason() throws IOException {
        Path out = tmp.resolve("u");
        Cli.Result r = Cli.run("run", "--tasks", "adding-T6", "--cells", "lstm", "--hidden", "4", "--steps", "2",
            "--batch", "2", "--tbptt", "3", "--backends", "reference", "--out", out.toString(), "--progress",
            "none");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        RunRecord u = new RunStore(out).records().get(0);
        assertEquals(RunStatus.UNSUPPORTED, u.status());
        assertTrue(u.message().contains("truncated BPTT"), u.message());
    }

    @Test
    void backendsStartFromTheSameWeightsFileAndTrainOnTheSameBatches() throws IOException {
        Path out = tmp.resolve("same");
        Cli.Result r = Cli.run("run", "--tasks", "adding-T6", "--cells", "rnn-tanh", "--hidden", "4", "--steps",
            "3", "--batch", "2", "--backends", "reference,reference:skewed", "--out", out.toString(), "--progress",
            "none");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        List<RunRecord> records = new RunStore(out).records();
        assertEquals(2, records.size());
        // reference:skewed trains exactly as the reference: identical weights and batches give identical curves
        assertEquals(java.util.Arrays.toString(records.get(0).losses()),
            java.util.Arrays.toString(records.get(1).losses()));
        try (var files = Files.list(out.resolve("weights"))) {
            List<Path> weights = files.toList();
            assertEquals(1, weights.size(), "one weights file for both backends");
            assertTrue(SafeTensors.read(weights.get(0)).containsKey("weight_hh_l0"));
        }
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void backendsTakeTurnsRoundByRoundEachTurnInAFreshWorker() throws IOException {
        String[] args = {"run", "--tasks", "adding-T6", "--cells", "gru", "--hidden", "4,5", "--seeds", "0,1",
            "--steps", "2", "--batch", "2", "--backends", "reference,reference:skewed", "--progress", "none"};
        Path one = tmp.resolve("one");
        Cli.Result r1 = Cli.run(concat(args, "--rounds", "1", "--out", one.toString()));
        assertEquals(Main.EXIT_OK, r1.code(), r1.err());
        List<String> planOrder = new RunStore(one).records().stream().map(RunRecord::id).toList();
        assertEquals(List.of("reference", "reference", "reference", "reference", "reference:skewed",
            "reference:skewed", "reference:skewed", "reference:skewed"), backends(one), "one round: one backend after"
            + " another");

        Path two = tmp.resolve("two");
        Cli.Result r2 = Cli.run(concat(args, "--rounds", "2", "--out", two.toString()));
        assertEquals(Main.EXIT_OK, r2.code(), r2.err());
        assertEquals(List.of(planOrder.get(0), planOrder.get(2), planOrder.get(4), planOrder.get(6), planOrder.get(1),
            planOrder.get(3), planOrder.get(5), planOrder.get(7)),
            new RunStore(two).records().stream().map(RunRecord::id).toList(), "units dealt into two rounds");
        String lastJob = Files.readString(two.resolve("jobs").resolve("reference.json"));
        assertEquals(2, lastJob.split("\"params\"", -1).length - 1, "the backend's last worker got the second"
            + " round's two units: " + lastJob);

        Cli.Result bad = Cli.run(concat(args, "--rounds", "0", "--out", tmp.resolve("bad").toString()));
        assertEquals(Main.EXIT_USAGE, bad.code());
        assertTrue(bad.err().contains("--rounds") && bad.err().contains("0"), bad.err());
    }

    private List<String> backends(Path dir) throws IOException {
        return new RunStore(dir).records().stream().map(r -> r.params().backend()).toList();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
