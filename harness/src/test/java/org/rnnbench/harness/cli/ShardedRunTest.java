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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.gradients.GradientTables;
import org.rnnbench.harness.shard.ShardDirs;
import org.rnnbench.harness.shard.ShardPlans;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;

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
        assertEquals(24, units);
        assertTrue(lines.get(5).matches("total\\s+24\\s+.*"), lines.get(5));
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
