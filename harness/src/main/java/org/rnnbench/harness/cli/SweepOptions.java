package org.rnnbench.harness.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.plan.OptionCheck;
import org.rnnbench.harness.progress.Progress;
import org.rnnbench.harness.shard.ShardId;

/**
 * The options every sweep command ({@code run}, {@code gradients} and the commands built on them) shares after
 * its own plan options: the workers' threads and JVM, how progress shows, where results go, what to run again,
 * and which shard of the plan to run (or only to estimate the shards).
 * {@link SweepTail} carries them out.
 */
public final class SweepOptions {
    /** Rounds of a sweep unless {@code --rounds} says otherwise. */
    public static final int DEFAULT_ROUNDS = 1;

    /** The most rounds {@code --rounds} accepts. */
    static final int MAX_ROUNDS = 1000;

    @Mixin
    WorkerOptions workers;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
        description = "auto (a bar on a terminal, lines otherwise), bar, lines or none; default ${DEFAULT-VALUE}.")
    String progress;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "" + DEFAULT_ROUNDS,
        description = "Deal each backend's units into R rounds, the backends taking turns round by round, each turn"
            + " in a fresh worker JVM, so that one slow JVM or a slow minute of the machine touches a fraction of"
            + " every backend instead of all of one; 1 runs each backend in one JVM; default ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory instead of the default.")
    Path out;

    @Option(names = "--retry-failed", description = "Run units recorded as FAILED again (their records are"
        + " replaced).")
    boolean retryFailed;

    @Option(names = "--shard", paramLabel = "I/N|env",
        description = "Run only shard I (0-based) of N into OUT/shards/I/; env takes I and N from"
            + " SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (or JOB_COMPLETION_INDEX with --shards N).")
    String shard;

    @Option(names = "--shards", paramLabel = "N",
        description = "The number of shards: with --dry-run, with --shard env, or for the cluster commands.")
    Integer shards;

    @Option(names = "--dry-run", description = "Run nothing: print each shard's units, backends and estimated"
        + " time (with --shards N), and the total.")
    boolean dryRun;

    /** The checked number of rounds. */
    int rounds() {
        OptionCheck.checkRange("--rounds", rounds, 1, MAX_ROUNDS);
        return rounds;
    }

    /** The checked progress mode. */
    Progress.Mode progressMode() {
        return switch (progress.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> Progress.Mode.AUTO;
            case "bar" -> Progress.Mode.BAR;
            case "lines" -> Progress.Mode.LINES;
            case "none" -> Progress.Mode.NONE;
            default -> throw new UsageException("--progress " + progress + ": unknown mode; use auto, bar, lines or"
                + " none");
        };
    }

    /**
     * The shard this process runs, null without {@code --shard}.
     *
     * @throws UsageException for a bad {@code --shard} or {@code --shards}, or {@code --shards} with neither
     *                        {@code --shard} nor {@code --dry-run}
     */
    ShardId shardId(Map<String, String> env) {
        if (shards != null) {
            ShardId.checkCount("--shards", shards);
        }
        if (shard == null) {
            if (shards != null && !dryRun) {
                throw new UsageException("--shards " + shards + " alone runs every unit here; add --dry-run to see"
                    + " the partition, --shard I/" + shards + " or --shard env to run one shard, or use 'rnnbench"
                    + " slurm'");
            }
            return null;
        }
        return ShardId.parse(shard, shards, env);
    }

    /** The shard count: of {@code --shard}, else {@code --shards}, else 1. */
    int shardCount(Map<String, String> env) {
        ShardId id = shardId(env);
        return id != null ? id.count() : shards != null ? shards : 1;
    }

    /** The results directory: {@code --out}, or {@code results/<name>}. */
    Path directory(String name) {
        return out != null ? out : Path.of("results", name);
    }
}
