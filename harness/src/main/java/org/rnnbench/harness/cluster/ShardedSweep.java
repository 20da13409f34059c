package org.rnnbench.harness.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep split into shards for a cluster: what every shard runs and where the results go.
 *
 * @param kind      the sweep command, {@code run} or {@code gradients}
 * @param sweepArgs the sweep's own options as the user gave them, without {@code --out} and the shard options
 * @param out       the results directory, absolute (the shards and the merge see the same path)
 * @param name      a short name for the jobs (the results directory's name)
 * @param shards    the number of shards, N
 */
public record ShardedSweep(String kind, List<String> sweepArgs, Path out, String name, int shards) {

    /** Checks the fields. */
    public ShardedSweep {
        if (!kind.equals("run") && !kind.equals("gradients")) {
            throw new IllegalArgumentException("kind " + kind + ": expected run or gradients");
        }
        if (!out.isAbsolute()) {
            throw new IllegalArgumentException("out " + out + " is not absolute");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("shards " + shards + " < 1");
        }
        sweepArgs = List.copyOf(sweepArgs);
    }

    /** The command of one shard: {@code <rnnbench> <kind> <options> --out OUT} followed by {@code shardArgs}. */
    public List<String> shardCommand(String rnnbench, String... shardArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(rnnbench);
        cmd.add(kind);
        cmd.addAll(sweepArgs);
        cmd.add("--out");
        cmd.add(out.toString());
        cmd.addAll(List.of(shardArgs));
        return cmd;
    }

    /** The merge command: {@code <rnnbench> merge OUT}. */
    public List<String> mergeCommand(String rnnbench) {
        return List.of(rnnbench, "merge", out.toString());
    }
}
