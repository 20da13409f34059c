package org.rnnbench.harness.cli;

import picocli.CommandLine.Option;

import org.rnnbench.harness.shard.ShardId;

/** The options every cluster command ({@code slurm}, {@code k8s}) shares: which sweep, and in how many shards. */
public final class ClusterOptions {
    @Option(names = "--gradients", description = "Shard a 'gradients' sweep instead of a 'run' sweep.")
    boolean gradients;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "The number of shards (Slurm array"
        + " tasks, Kubernetes Job completions).")
    int shards;

    /** The checked shard count. */
    int shards() {
        ShardId.checkCount("--shards", shards);
        return shards;
    }
}
