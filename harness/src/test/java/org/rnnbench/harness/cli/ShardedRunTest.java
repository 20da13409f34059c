package org.rnnbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.gradients.GradientTables;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.shard.ShardDirs;
import org.rnnbench.harness.shard.ShardPlans;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;
import org.rnnbench.harness.testing.SampleRecords;

/** A sweep run as shards and merged equals the same sweep run on one machine; the dry run; bad shard options. */
class ShardedRunTest {
    static final List<String> MATRIX = List.of("run", "--tasks", "adding-T10,copy-T2-K4", "--cells", "rnn,gru",
        "--backends", "scratch", "--hidden", "8", "--seeds", "0,1", "--steps", "4", "--batch", "4", "--progress",
        "none");

    @TempDir
    Path tmp;

    private static Cli.Result run(Path out, String... more) {
        List<String> args = new ArrayList<>(MATRIX);
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void twoShardsMergedEqualOnePlainRunBitForBit() throws IOException {
        Path sharded = tmp.resolve("sharded");
        Cli.Result first = run(sharded, "--shard", "0/2");
        assertEquals(Main.EXIT_OK, first.code(), first.err());
        assertEquals(List.of("shards"), names(sharded), "a shard writes only below OUT/shards/<I>/");
        assertEquals(List.of("0"), names(ShardDirs.root(sharded)));
        int inFirst = new RunStore(ShardDirs.of(sharded, 0)).records().size();
        Cli.Result again = run(sharded, "--shard", "0/2");
        assertTrue(again.err().contains("0 unit(s) ran now, " + inFirst + " were already done"), again.err());
        Cli.Result partial = Cli.run("merge", sharded.toString());
        assertEquals(Main.EXIT_MISMATCH, partial.code(), partial.err());
        assertTrue(partial.err().contains((8 - inFirst) + " of 8 planned unit(s) finished in no shard"),
            partial.err());
        assertEquals(Main.EXIT_OK, run(sharded, "--shard", "1/2").code());
        assertTrue(inFirst > 0 && inFirst < 8, "both shards have work: " + inFirst);
        Cli.Result merged = Cli.run("merge", sharded.toString());
        assertEquals(Main.EXIT_OK, merged.code(), merged.err());

        Path plain = tmp.resolve("plain");
        assertEquals(Main.EXIT_OK, run(plain).code());
        List<RunRecord> a = new RunStore(plain).records();
        List<RunRecord> b = new RunStore(sharded).records();
        assertEquals(a.stream().map(RunRecord::id).toList(), b.stream().map(RunRecord::id).toList());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).metrics(), b.get(i).metrics(), a.get(i).id());
            assertArrayEquals(a.get(i).losses(), b.get(i).losses(), a.get(i).id());
            assertArrayEquals(a.get(i).gradNormsTrained(), b.get(i).gradNormsTrained(), a.get(i).id());
        }
        for (String w : names(plain.resolve("weights"))) {
            assertArrayEquals(Files.readAllBytes(plain.resolve("weights").resolve(w)),
                Files.readAllBytes(sharded.resolve("weights").resolve(w)), w);
        }
        Cli.Result resumed = run(sharded);
        assertTrue(resumed.err().contains("0 unit(s) ran now, 8 were already done"), resumed.err());
    }

    @Test
    void aSlurmArrayTaskRunsItsShardAndItsRecordsCarryTheSchedulerIdentity() throws Exception {
        Path out = tmp.resolve("slurm");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--tasks", "adding-T10",
            "--cells", "rnn,gru", "--backends", "scratch", "--hidden", "8", "--seeds", "0", "--steps", "2",
            "--batch", "4", "--progress", "none", "--out", out.toString(), "--shard", "env"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(tmp.resolve("slurm.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLURM") || k.equals("JOB_COMPLETION_INDEX"));
        pb.environment().putAll(Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "2",
            "SLURM_ARRAY_JOB_ID", "77", "SLURM_JOB_ID", "79", "SLURMD_NODENAME", "node9"));
        assertEquals(Main.EXIT_OK, pb.start().waitFor(), Files.readString(tmp.resolve("slurm.log")));
        assertEquals(List.of("1"), names(ShardDirs.root(out)));
        List<RunRecord> records = new RunStore(ShardDirs.of(out, 1)).records();
        assertEquals(1, records.size(), "one of two units");
        assertEquals(Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_JOB_ID", "77", "SLURM_JOB_ID", "79",
            "SLURMD_NODENAME", "node9"), records.get(0).environment().scheduler());
    }

    @Test
    void aGradientStudyShardsAndMergesToItsTables() throws IOException {
        Path out = tmp.resolve("g");
        Cli.Result r = Cli.run("gradients", "--backends", "scratch", "--cells", "rnn,lstm", "--lengths", "12",
            "--hidden", "8", "--batch", "4", "--out", out.toString(), "--progress", "none", "--shard", "1/2");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        Cli.Result m = Cli.run("merge", out.toString());
        assertEquals(Main.EXIT_MISMATCH, m.code(), m.err());
        assertTrue(Files.exists(out.resolve(GradientTables.FITS)), "the tables of what is there");
    }

    @Test
    void theDryRunPrintsEveryShardAndWritesNothing() {
        Path out = tmp.resolve("dry");
        Cli.Result r = Cli.run("run", "--suite", "smoke", "--backends", "scratch,dl4j,djl", "--shards", "4",
            "--dry-run", "--out", out.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("shard") && lines.get(0).contains("estimated"), r.out());
        int units = 0;
        for (int i = 1; i <= 4; i++) {
            String[] cells = lines.get(i).trim().split("\\s+");
            assertEquals(Integer.toString(i - 1), cells[0], lines.get(i));
            units += Integer.parseInt(cells[1]);
        }
        int planned = MergeCommand.plan(List.of("run", "--suite", "smoke", "--backends", "scratch,dl4j,djl"), tmp)
            .units().size();
        assertEquals(planned, units);
        assertTrue(lines.get(5).matches("total\\s+" + planned + "\\s+.*"), lines.get(5));
        assertTrue(r.out().contains("largest shard") && r.out().contains("default cost model"), r.out());
        assertFalse(Files.exists(out), "a dry run writes nothing");
    }

    @Test
    void aFrozenPartitionIsWhatShardsRunAndAnotherCountIsRefused() throws IOException {
        Path out = tmp.resolve("frozen");
        SweepTail.Plan plan = MergeCommand.plan(MATRIX.subList(0, MATRIX.size() - 2), tmp);
        var frozen = ShardPlans.freeze(out, plan.kind(), plan.name(), plan.units(), 3);
        assertTrue(Files.exists(ShardDirs.planFile(out)));
        assertEquals(frozen.shards(), ShardPlans.forShards(out, plan.kind(), plan.name(), plan.units(), 3)
            .shards());
        Cli.Result other = run(out, "--shard", "0/2");
        assertEquals(Main.EXIT_USAGE, other.code(), other.err());
        assertTrue(other.err().contains("into 3 shards, not 2"), other.err());
        Cli.Result dry = run(out, "--shards", "3", "--dry-run");
        assertTrue(dry.out().contains("partition from " + ShardDirs.planFile(out)), dry.out());
    }

    @Test
    void theDryRunRefinesTheEstimatesByWhatIsRecordedBelowOut() throws IOException {
        Path out = tmp.resolve("refined");
        SweepTail.Plan plan = MergeCommand.plan(MATRIX.subList(0, MATRIX.size() - 2), tmp);
        Cli.Result before = run(out, "--shards", "2", "--dry-run");
        Files.createDirectories(ShardDirs.of(out, 1));
        RunStore store = new RunStore(ShardDirs.of(out, 1));
        for (PlannedUnit u : plan.units().subList(0, 3)) {
            store.append(SampleRecords.record(u.params(), RunStatus.OK, new double[] {1, 1, 1},
                new long[] {2_000_000_000L, 2_000_000_000L, 2_000_000_000L}, Map.of("mse", 1.0)));
        }
        Cli.Result after = run(out, "--shards", "2", "--dry-run");
        assertTrue(after.out().contains("cost model refined from 3 recorded unit(s)"), after.out());
        assertTrue(total(after.out()) > 100 * total(before.out()), "two seconds a step: " + after.out());
    }

    /** The total estimate of a dry run's output (such as {@code 1h 05m}), in seconds. */
    private static double total(String out) {
        String[] cells = out.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow().trim()
            .split("\\s+");
        double seconds = 0;
        for (int i = 2; i < cells.length; i++) {
            double unit = switch (cells[i].replaceAll("[0-9]", "")) {
                case "d" -> 86_400;
                case "h" -> 3600;
                case "m" -> 60;
                default -> 1;
            };
            seconds += Double.parseDouble(cells[i].replaceAll("[a-z]", "")) * unit;
        }
        return seconds;
    }

    @Test
    void badShardOptionsAreOneLineAndExitTwo() {
        for (String[] bad : List.of(new String[] {"--shard", "2/2"}, new String[] {"--shards", "3"},
            new String[] {"--shard", "1/0"}, new String[] {"--shard", "x"}, new String[] {"--shards", "0",
                "--dry-run"})) {
            Cli.Result r = run(tmp.resolve("bad"), bad);
            assertEquals(Main.EXIT_USAGE, r.code(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("rnnbench: "), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("bad")));
    }
}
