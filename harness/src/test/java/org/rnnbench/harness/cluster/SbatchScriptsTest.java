package org.rnnbench.harness.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.harness.UsageException;

class SbatchScriptsTest {
    @TempDir
    Path tmp;

    private ShardedSweep sweep(String kind, List<String> args) {
        return new ShardedSweep(kind, args, tmp.resolve("out dir"), "smoke", 4);
    }

    private static SlurmResources res(String partition, String account, List<String> extra) {
        return new SlurmResources(partition, account, "01:30:00", 2, "4096M", extra);
    }

    @Test
    void arraySpecJoinsConsecutiveIndicesIntoRanges() {
        assertEquals("0-3", SbatchScripts.arraySpec(List.of(0, 1, 2, 3)));
        assertEquals("1,3", SbatchScripts.arraySpec(List.of(3, 1)));
        assertEquals("0-2,5,7-8", SbatchScripts.arraySpec(List.of(0, 1, 2, 5, 7, 8)));
        assertEquals("6", SbatchScripts.arraySpec(List.of(6, 6)));
        assertThrows(IllegalArgumentException.class, () -> SbatchScripts.arraySpec(List.of()));
    }

    @Test
    void arrayScriptRunsEveryShardWithTheSweepsOptionsAndTheResources() {
        ShardedSweep s = sweep("run", List.of("--suite", "smoke", "--threads", "2"));
        String text = SbatchScripts.array(s, res("long", "proj1", List.of("--qos=high")), "/opt/rb/rnnbench",
            "rnnbench slurm --suite smoke --shards 4");
        List<String> lines = text.lines().toList();
        assertEquals("#!/bin/bash", lines.get(0));
        for (String directive : List.of("#SBATCH --array=0-3", "#SBATCH --cpus-per-task=2", "#SBATCH --time=01:30:00",
            "#SBATCH --mem=4096M", "#SBATCH --partition=long", "#SBATCH --account=proj1", "#SBATCH --qos=high",
            "#SBATCH --job-name=rnnbench-smoke", "#SBATCH --comment=rnnbench:" + tmp.resolve("out dir"))) {
            assertTrue(lines.contains(directive), directive + " missing from:\n" + text);
        }
        String out = tmp.resolve("out dir").toString();
        assertTrue(text.contains("exec /opt/rb/rnnbench run --suite smoke --threads 2 --out '" + out
            + "' --shard env --shards 4\n"), text);
        assertTrue(lines.contains("#SBATCH --output=" + out + "/slurm/logs/shard-%a-job%A.log"), text);
        // directives must come before the first command, or sbatch ignores them
        int firstCommand = lines.indexOf("set -euo pipefail");
        assertTrue(lines.stream().filter(l -> l.startsWith("#SBATCH")).allMatch(l -> lines.indexOf(l) < firstCommand));
    }

    @Test
    void optionalDirectivesAreLeftOutAndGradientsRunsGradients() {
        String text = SbatchScripts.array(sweep("gradients", List.of("--lengths", "10")), res(null, null, List.of()),
            "/r/rnnbench", "x");
        assertFalse(text.contains("--partition") || text.contains("--account"), text);
        assertTrue(text.contains("exec /r/rnnbench gradients --lengths 10 --out "), text);
    }

    @Test
    void mergeScriptMergesTheResultsDirectory() {
        String text = SbatchScripts.merge(sweep("run", List.of("--suite", "smoke")), res("p", null, List.of()),
            "/r/rnnbench", "x");
        assertTrue(text.endsWith("exec /r/rnnbench merge '" + tmp.resolve("out dir") + "'\n"), text);
        assertTrue(text.contains("#SBATCH --partition=p\n") && text.contains("#SBATCH --cpus-per-task=1\n"), text);
        assertFalse(text.contains("--array"), text);
    }

    @Test
    void scriptsAreValidShell() throws IOException, InterruptedException {
        ShardedSweep s = sweep("run", List.of("--tasks", "adding-T10", "--cells", "it's"));
        for (String text : List.of(SbatchScripts.array(s, res(null, null, List.of()), "/r/rnnbench", "x"),
            SbatchScripts.merge(s, res(null, null, List.of()), "/r/rnnbench", "x"))) {
            Path f = Files.writeString(tmp.resolve("s.sh"), text);
            Process p = new ProcessBuilder("bash", "-n", f.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), said + "\n" + text);
        }
    }

    @Test
    void shellQuotingKeepsEveryWordIntact() throws IOException, InterruptedException {
        List<String> words = List.of("plain", "two words", "it's", "$HOME", "a;b", "x", "");
        Process p = new ProcessBuilder("bash", "-c", "printf '%s\\n' " + Shell.join(words)).start();
        assertEquals(String.join("\n", words) + "\n", new String(p.getInputStream().readAllBytes()));
        assertEquals(0, p.waitFor());
    }

    @Test
    void resourcesInSlurmsForms() {
        assertEquals("00:01:00", SlurmResources.time(1));
        assertEquals("00:02:00", SlurmResources.time(61));
        assertEquals("1-01:01:00", SlurmResources.time(25 * 3600 + 1));
        assertEquals("1536M", SlurmResources.mem(1.5 * (1 << 30)));
        assertEquals("256M", SlurmResources.mem(1));
        assertThrows(UsageException.class, () -> new SlurmResources(null, null, "1.5h", 1, "4G", List.of()));
        assertThrows(UsageException.class, () -> new SlurmResources(null, null, "10", 1, "4 GB", List.of()));
        assertThrows(UsageException.class, () -> new SlurmResources(null, null, "10", 0, "4G", List.of()));
        assertThrows(UsageException.class, () -> res(null, null, List.of("qos=high")));
        assertEquals("2-00:00:00", new SlurmResources(null, null, "2-00:00:00", 1, "4G", List.of()).time());
    }
}
