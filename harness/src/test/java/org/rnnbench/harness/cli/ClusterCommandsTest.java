package org.rnnbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.shard.Partition;
import org.rnnbench.harness.shard.ShardDirs;
import org.rnnbench.harness.shard.ShardPlans;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;
import org.rnnbench.harness.testing.SampleRecords;

/** {@code slurm} and {@code k8s} without a cluster: the files they write and the input they refuse. */
class ClusterCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void slurmWritesBothScriptsWithTheRunOptionsAndTheAbsoluteResultsDirectory() throws IOException {
        Path out = tmp.resolve("smoke");
        Cli.Result r = Cli.run("slurm", "--suite", "smoke", "--backends", "scratch", "--threads", "2", "--shards", "3",
            "--out", out.toString(), "--partition", "batch");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        String array = Files.readString(out.resolve("slurm/array.sbatch"));
        assertTrue(array.contains("#SBATCH --array=0-2\n") && array.contains("#SBATCH --cpus-per-task=2\n")
            && array.contains("#SBATCH --partition=batch\n") && array.contains("#SBATCH --mem=2048M\n"), array);
        assertTrue(array.contains("/rnnbench run --suite smoke --backends scratch --threads 2 --out " + out
            + " --shard env --shards 3\n"), array);
        String launcher = array.substring(array.indexOf("exec ") + 5, array.indexOf(" run --suite"));
        assertTrue(Files.isExecutable(Path.of(launcher)), launcher);
        String merge = Files.readString(out.resolve("slurm/merge.sbatch"));
        assertTrue(merge.endsWith("exec " + launcher + " merge " + out + "\n"), merge);
        assertTrue(Files.isRegularFile(ShardDirs.planFile(out)), "the partition is frozen before any shard starts");
        assertTrue(r.err().contains("sbatch --parsable " + out.resolve("slurm/array.sbatch")), r.err());
    }

    @Test
    void runningAgainOffersOnlyTheShardsWithUnitsLeft() throws IOException {
        Path out = tmp.resolve("again");
        String[] args = {"slurm", "--suite", "smoke", "--backends", "scratch", "--shards", "3", "--out",
            out.toString()};
        assertEquals(Main.EXIT_OK, Cli.run(args).code());
        List<PlannedUnit> units = ClusterSweep.parse("slurm", false, List.of("--suite", "smoke", "--backends",
            "scratch"), 3).plan().units();
        Partition p = ShardPlans.forShards(out, "run", "smoke", units, 3);
        Files.createDirectories(ShardDirs.of(out, 1));
        RunStore shard1 = new RunStore(ShardDirs.of(out, 1));
        for (PlannedUnit u : units) {
            if (p.shards().get(1).units().contains(u.id())) {
                shard1.append(SampleRecords.record(u.params(), RunStatus.OK, new double[] {1}, new long[] {1},
                    Map.of("mse", 0.1)));
            }
        }
        Cli.Result r = Cli.run(args);
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("2 shard(s) with units left") && r.err().contains("--array=0,2 "), r.err());
    }

    @Test
    void slurmShardsAGradientsSweepWithGradients() throws IOException {
        Path out = tmp.resolve("g");
        Cli.Result r = Cli.run("slurm", "--gradients", "--lengths", "10", "--cells", "gru", "--backends", "scratch",
            "--shards", "2", "--out", out.toString(), "--time", "2:00:00", "--mem", "3G");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        String array = Files.readString(out.resolve("slurm/array.sbatch"));
        assertTrue(array.contains("/rnnbench gradients --lengths 10 --cells gru --backends scratch --out " + out)
            && array.contains("#SBATCH --time=2:00:00\n") && array.contains("#SBATCH --mem=3G\n"), array);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : List.of(
            new String[] {"slurm", "--suite", "smoke"},
            new String[] {"slurm", "--suite", "nosuch", "--shards", "2"},
            new String[] {"slurm", "--suite", "smoke", "--shards", "2", "--shard", "0/2"},
            new String[] {"slurm", "--suite", "smoke", "--shards", "2", "--time", "1h"},
            new String[] {"slurm", "--suite", "smoke", "--shards", "2", "--bogus"},
            new String[] {"slurm", "--suite", "smoke", "--shards", "0"},
            new String[] {"k8s", "--suite", "smoke", "--shards", "2"},
            new String[] {"k8s", "--suite", "smoke", "--shards", "2", "--image", "i", "--memory", "4GB"})) {
            Path out = tmp.resolve("bad");
            List<String> all = new java.util.ArrayList<>(List.of(args));
            all.addAll(List.of("--out", out.toString()));
            Cli.Result r = Cli.run(all.toArray(String[]::new));
            assertEquals(Main.EXIT_USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertFalse(Files.exists(out), "bad input writes nothing: " + String.join(" ", args));
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("rnnbench: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void k8sWritesAnIndexedJobAndAMergeJobThatParse() throws IOException {
        Path out = tmp.resolve("quick");
        Cli.Result r = Cli.run("k8s", "--suite", "smoke", "--backends", "scratch,djl", "--shards", "5", "--image",
            "reg/rnnbench:1", "--out", out.toString(), "--parallelism", "2");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        JsonObject job = parse(out.resolve("k8s/shards.yaml"));
        JsonObject spec = job.getAsJsonObject("spec");
        assertEquals("Indexed", spec.get("completionMode").getAsString());
        assertEquals(5, spec.get("completions").getAsInt());
        assertEquals(2, spec.get("parallelism").getAsInt());
        JsonObject container = spec.getAsJsonObject("template").getAsJsonObject("spec").getAsJsonArray("containers")
            .get(0).getAsJsonObject();
        assertEquals(List.of("rnnbench", "run", "--suite", "smoke", "--backends", "scratch,djl", "--out",
            "/results/quick", "--shard", "env", "--shards", "5"), strings(container.getAsJsonArray("command")));
        assertEquals("4096Mi", container.getAsJsonObject("resources").getAsJsonObject("requests").get("memory")
            .getAsString(), "djl's native memory counts");
        JsonObject merge = parse(out.resolve("k8s/merge.yaml"));
        assertEquals(List.of("rnnbench", "merge", "/results/quick"), strings(merge.getAsJsonObject("spec")
            .getAsJsonObject("template").getAsJsonObject("spec").getAsJsonArray("containers").get(0)
            .getAsJsonObject().getAsJsonArray("command")));
        assertTrue(Files.isExecutable(out.resolve("k8s/submit.sh")));
    }

    private static JsonObject parse(Path yaml) throws IOException {
        String json = Files.readAllLines(yaml).stream().filter(l -> !l.startsWith("#"))
            .collect(Collectors.joining("\n"));
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static List<String> strings(JsonArray a) {
        return a.asList().stream().map(JsonElement::getAsString).toList();
    }
}
