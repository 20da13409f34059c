package org.rnnbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.shard.ShardDirs;
import org.rnnbench.harness.store.ResultsDir;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;
import org.rnnbench.harness.testing.SampleRecords;

/** {@code rnnbench merge} on shard directories made by hand: complete, missing, duplicated, conflicting. */
class MergeCommandTest {
    @TempDir
    Path tmp;

    Path out;
    List<String> args;
    List<PlannedUnit> units;
    String name;

    @BeforeEach
    void plan() {
        out = tmp.resolve("out");
        args = List.of("run", "--tasks", "adding-T20", "--cells", "rnn,lstm", "--backends", "scratch,djl",
            "--hidden", "8", "--seeds", "0,1", "--steps", "3", "--batch", "4", "--out", out.toString());
        SweepTail.Plan plan = MergeCommand.plan(args, tmp);
        units = plan.units();
        name = plan.name();
        assertEquals(8, units.size());
    }

    /** A shard directory with a manifest of the plan and records of some units, OK unless said otherwise. */
    private Path shard(int index, List<PlannedUnit> mine, RunStatus status) throws IOException {
        Path dir = ShardDirs.of(out, index);
        List<String> command = new ArrayList<>(List.of("rnnbench"));
        command.addAll(args);
        command.addAll(List.of("--shard", index + "/2"));
        try (ResultsDir rd = ResultsDir.open(dir, "run", name, command)) {
            RunStore store = new RunStore(dir);
            for (PlannedUnit u : mine) {
                store.append(SampleRecords.record(u.params(), status, new double[] {1, 0.5, 0.25},
                    new long[] {1000, 1000, 1000}, Map.of("mse", 0.1 + u.params().seed())));
                Path w = dir.resolve(u.weightsFile());
                Files.createDirectories(w.getParent());
                Files.writeString(w, "weights of " + u.weightsFile());
            }
        }
        return dir;
    }

    private List<PlannedUnit> every(int parity) {
        List<PlannedUnit> mine = new ArrayList<>();
        for (int i = parity; i < units.size(); i += 2) {
            mine.add(units.get(i));
        }
        return mine;
    }

    private List<String> mergedIds() throws IOException {
        return new RunStore(out).records().stream().map(RunRecord::id).toList();
    }

    @Test
    void completeShardsMergeIntoOneMachinesOrderAndAgainToTheSameBytes() throws IOException {
        shard(0, every(0), RunStatus.OK);
        shard(1, every(1), RunStatus.OK);
        Cli.Result r = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("complete: all 8 planned units"), r.err());
        List<String> expected = new ArrayList<>();
        for (String backend : List.of("scratch", "djl")) {
            units.stream().filter(u -> u.params().backend().equals(backend)).forEach(u -> expected.add(u.id()));
        }
        assertEquals(expected, mergedIds(), "backend by backend, plan order within each");
        assertTrue(Files.exists(out.resolve("runs.csv")) && Files.exists(out.resolve("report/report.html")));
        assertTrue(!r.err().contains("no report written"), r.err());
        PlannedUnit u = units.get(0);
        assertEquals("weights of " + u.weightsFile(), Files.readString(out.resolve(u.weightsFile())));
        String manifest = Files.readString(out.resolve(ResultsDir.MANIFEST));
        assertTrue(manifest.contains(name) && !manifest.contains("--shard"), manifest);
        byte[] first = Files.readAllBytes(out.resolve(RunStore.FILE));
        Cli.Result again = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_OK, again.code(), again.err());
        assertTrue(again.err().contains("0 new"), again.err());
        assertArrayEquals(first, Files.readAllBytes(out.resolve(RunStore.FILE)));
    }

    @Test
    void unitsNoShardFinishedAreListedAndExitOneThenAMergeAfterTheRestCompletes() throws IOException {
        shard(0, every(0), RunStatus.OK);
        List<PlannedUnit> odd = every(1);
        shard(1, odd.subList(0, 2), RunStatus.OK);
        Cli.Result r = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_MISMATCH, r.code(), r.err());
        assertTrue(r.err().contains("2 of 8 planned unit(s) finished in no shard"), r.err());
        assertTrue(r.err().contains("  " + odd.get(2).id()) && r.err().contains("  " + odd.get(3).id()), r.err());
        assertEquals(6, mergedIds().size());
        RunStore store = new RunStore(ShardDirs.of(out, 1));
        for (PlannedUnit u : odd.subList(2, 4)) {
            store.append(SampleRecords.record(u.params(), RunStatus.OK, new double[] {1}, new long[] {1},
                Map.of("mse", 1.0)));
        }
        Cli.Result later = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_OK, later.code(), later.err());
        assertTrue(later.err().contains("2 new"), later.err());
        assertEquals(8, mergedIds().size());
    }

    @Test
    void aUnitTwoShardsRecordedIsKeptOnceAndOkWinsOverFailed() throws IOException {
        shard(0, every(0), RunStatus.OK);
        List<PlannedUnit> odd = every(1);
        shard(1, odd, RunStatus.OK);
        RunStore zero = new RunStore(ShardDirs.of(out, 0));
        zero.append(SampleRecords.record(odd.get(0).params(), RunStatus.FAILED, new double[] {1}, new long[] {1},
            Map.of()));
        Files.createDirectories(ShardDirs.of(out, 2));
        shard(2, List.of(units.get(0)), RunStatus.OK);
        Cli.Result r = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("2 unit(s) recorded by two shards kept once"), r.err());
        List<RunRecord> merged = new RunStore(out).records();
        assertEquals(8, merged.size());
        assertEquals(RunStatus.OK, merged.stream().filter(x -> x.id().equals(odd.get(0).id())).findFirst()
            .orElseThrow().status());
    }

    @Test
    void weightsThatDifferBetweenShardsAreAnErrorNamingTheFileAndNothingIsWritten() throws IOException {
        shard(0, every(0), RunStatus.OK);
        shard(1, every(1), RunStatus.OK);
        String file = units.get(0).weightsFile();
        Files.writeString(ShardDirs.of(out, 1).resolve(file), "other bytes", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(file + " differ between"), r.err());
        assertTrue(!Files.exists(out.resolve(RunStore.FILE)) && !Files.exists(out.resolve("weights")));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Cli.Result missing = Cli.run("merge", tmp.resolve("nowhere").toString());
        assertEquals(Main.EXIT_USAGE, missing.code());
        assertTrue(missing.err().contains("no such directory"), missing.err());
        Files.createDirectories(out);
        Cli.Result noShards = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_USAGE, noShards.code());
        assertTrue(noShards.err().contains("no shard directories"), noShards.err());
        shard(0, every(0), RunStatus.OK);
        try (ResultsDir rd = ResultsDir.open(ShardDirs.of(out, 1), "run", "run-other", List.of("rnnbench", "run"))) {
            assertTrue(rd != null);
        }
        Cli.Result mixed = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_USAGE, mixed.code());
        assertTrue(mixed.err().contains("ran different plans"), mixed.err());
        assertEquals(1, mixed.errLines().size(), mixed.err());
    }

    @Test
    void theMergedCommandLineDropsOnlyTheShardOptions() {
        assertEquals(List.of("run", "--suite", "smoke", "--out", "o"), MergeCommand.withoutShardOptions(List.of(
            "rnnbench", "run", "--suite", "smoke", "--shard", "env", "--shards=4", "--out", "o", "--dry-run")));
    }
}
