package org.rnnbench.harness.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The two batch scripts of a sharded sweep: {@code array.sbatch}, a job array with one task per shard, and
 * {@code merge.sbatch}, which merges the shards and is submitted with {@code --dependency=afterany:<array job>} so
 * that it runs however the shards ended. Both are plain shell with {@code #SBATCH} directives, meant to be read,
 * edited and submitted by hand as well.
 */
public final class SbatchScripts {
    /** The array script's file name in {@code OUT/slurm/}. */
    public static final String ARRAY = "array.sbatch";
    /** The merge script's file name in {@code OUT/slurm/}. */
    public static final String MERGE = "merge.sbatch";
    /** What the merge job asks for: one CPU, a JVM that reads records and writes a report. */
    static final String MERGE_TIME = "00:30:00";
    static final String MERGE_MEM = "2G";

    private SbatchScripts() {
    }

    /** The directory of the scripts and their logs: {@code OUT/slurm}. */
    public static Path dir(ShardedSweep sweep) {
        return sweep.out().resolve("slurm");
    }

    /**
     * The array script: task I runs shard I of N with {@code --shard env}.
     *
     * @param sweep    the sweep
     * @param res      what each task asks for
     * @param rnnbench the absolute path of the rnnbench launcher on the cluster's shared file system
     * @param origin   the command that wrote the script, for its header
     */
    public static String array(ShardedSweep sweep, SlurmResources res, String rnnbench, String origin) {
        Path dir = dir(sweep);
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# The " + sweep.shards() + " shards of an rnnbench " + sweep.kind() + " as a Slurm job array,"
            + " written by:");
        lines.add("#   " + origin);
        lines.add("# Task I runs shard I into " + sweep.out().resolve("shards") + "/I/; " + MERGE + " then merges"
            + " the shards into " + sweep.out() + ".");
        lines.add("# To submit by hand:");
        String array = Shell.quote(dir.resolve(ARRAY).toString());
        lines.add("#   jid=$(sbatch --parsable " + array + ")");
        lines.add("#   sbatch --dependency=afterany:$jid " + Shell.quote(dir.resolve(MERGE).toString()));
        lines.add("# Some shards only (those with units left): sbatch --array=1,3 " + array);
        lines.add("#SBATCH --job-name=rnnbench-" + sweep.name());
        lines.add("#SBATCH --comment=" + comment(sweep));
        lines.add("#SBATCH --array=" + arraySpec(IntStream.range(0, sweep.shards()).boxed().toList()));
        lines.add("#SBATCH --cpus-per-task=" + res.cpusPerTask());
        lines.add("#SBATCH --time=" + res.time());
        lines.add("#SBATCH --mem=" + res.mem());
        lines.add("#SBATCH --output=" + dir.resolve("logs") + "/shard-%a-job%A.log");
        directives(lines, res);
        lines.add("set -euo pipefail");
        lines.add("# --shard env takes I from SLURM_ARRAY_TASK_ID; N is given, since an array resubmitted for some shards"
            + " only");
        lines.add("# (--array=1,3) has fewer tasks than there are shards.");
        lines.add("exec " + Shell.join(sweep.shardCommand(rnnbench, "--shard", "env", "--shards",
            Integer.toString(sweep.shards()))));
        return String.join("\n", lines) + "\n";
    }

    /** The merge script: {@code rnnbench merge OUT}, its exit code the job's. */
    public static String merge(ShardedSweep sweep, SlurmResources res, String rnnbench, String origin) {
        Path dir = dir(sweep);
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# Merges the shards of " + sweep.out() + " into it (exit 0 complete, 1 units missing), written"
            + " by:");
        lines.add("#   " + origin);
        lines.add("# Submitted after the array: sbatch --dependency=afterany:<array job id> "
            + Shell.quote(dir.resolve(MERGE).toString()));
        lines.add("#SBATCH --job-name=rnnbench-" + sweep.name() + "-merge");
        lines.add("#SBATCH --comment=" + comment(sweep));
        lines.add("#SBATCH --cpus-per-task=1");
        lines.add("#SBATCH --time=" + MERGE_TIME);
        lines.add("#SBATCH --mem=" + MERGE_MEM);
        lines.add("#SBATCH --output=" + dir.resolve("logs") + "/merge-job%j.log");
        directives(lines, res);
        lines.add("exec " + Shell.join(sweep.mergeCommand(rnnbench)));
        return String.join("\n", lines) + "\n";
    }

    /**
     * The comment both jobs carry, {@code rnnbench:OUT}, by which {@code rnnbench slurm} finds jobs of the same
     * results directory still queued or running.
     */
    public static String comment(ShardedSweep sweep) {
        return "rnnbench:" + sweep.out();
    }

    private static void directives(List<String> lines, SlurmResources res) {
        if (res.partition() != null) {
            lines.add("#SBATCH --partition=" + res.partition());
        }
        if (res.account() != null) {
            lines.add("#SBATCH --account=" + res.account());
        }
        for (String e : res.extra()) {
            lines.add("#SBATCH " + e);
        }
    }

    /** Slurm's array index list: ascending runs as {@code a-b}, the rest comma-separated ({@code 0-3}, {@code 1,3-5}). */
    public static String arraySpec(List<Integer> indices) {
        List<Integer> sorted = indices.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no array indices");
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted.get(i));
            if (j > i) {
                sb.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
