package org.rnnbench.harness.shard;

import java.util.Map;

import org.rnnbench.harness.UsageException;

/**
 * Which shard a process runs: {@code index} (0-based) of {@code count}. Parsed from {@code --shard I/N}, or from
 * {@code --shard env}: Slurm's {@code SLURM_ARRAY_TASK_ID} with {@code SLURM_ARRAY_TASK_COUNT} (or {@code --shards
 * N}, which wins: an array resubmitted for some of its tasks only has a smaller task count), or Kubernetes'
 * {@code JOB_COMPLETION_INDEX} with {@code --shards N}.
 *
 * @param index the shard, from 0
 * @param count the number of shards
 */
public record ShardId(int index, int count) {
    /** The value of {@code --shard} that reads the scheduler's variables. */
    public static final String ENV = "env";
    /** Slurm's array index. */
    public static final String SLURM_INDEX = "SLURM_ARRAY_TASK_ID";
    /** Slurm's array size. */
    public static final String SLURM_COUNT = "SLURM_ARRAY_TASK_COUNT";
    /** Kubernetes' index of an Indexed Job's pod. */
    public static final String KUBERNETES_INDEX = "JOB_COMPLETION_INDEX";
    /** The largest shard count accepted. */
    public static final int MAX_COUNT = 100_000;

    /** Checks the range. */
    public ShardId {
        checkCount("--shard", count);
        if (index < 0 || index >= count) {
            throw new UsageException("--shard " + index + "/" + count + ": the shard index must be in [0, "
                + (count - 1) + "] (0-based, below the count)");
        }
    }

    /**
     * The shard of {@code --shard TEXT} and {@code --shards N}.
     *
     * @param text   {@code I/N} or {@code env}
     * @param shards the value of {@code --shards}, null when not given
     * @param env    the process environment
     * @throws UsageException for a malformed value, an index out of range, a missing or malformed variable, or
     *                        {@code --shards} disagreeing with {@code I/N}
     */
    public static ShardId parse(String text, Integer shards, Map<String, String> env) {
        String t = text.strip();
        if (t.equalsIgnoreCase(ENV)) {
            return fromEnv(shards, env);
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new UsageException("--shard " + text + ": not a shard; give I/N (0-based index I of N shards, e.g."
                + " 3/16) or env (SLURM_ARRAY_TASK_ID, or JOB_COMPLETION_INDEX with --shards N)");
        }
        int index = number("--shard " + text, t.substring(0, slash));
        int count = number("--shard " + text, t.substring(slash + 1));
        if (shards != null && shards != count) {
            throw new UsageException("--shard " + text + " with --shards " + shards + ": the counts differ; give one"
                + " count");
        }
        return new ShardId(index, count);
    }

    /** Requires {@code 1 <= count <= MAX_COUNT}. */
    public static int checkCount(String option, int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new UsageException(option + ": " + count + " shards; the count must be in [1, " + MAX_COUNT + "]");
        }
        return count;
    }

    private static ShardId fromEnv(Integer shards, Map<String, String> env) {
        String slurm = env.get(SLURM_INDEX);
        if (slurm != null && !slurm.isBlank()) {
            int index = number(SLURM_INDEX, slurm);
            if (shards != null) {
                return new ShardId(index, shards);
            }
            String count = env.get(SLURM_COUNT);
            if (count == null || count.isBlank()) {
                throw new UsageException("--shard env: " + SLURM_COUNT + " is not set; give --shards N");
            }
            return new ShardId(index, number(SLURM_COUNT, count));
        }
        String k8s = env.get(KUBERNETES_INDEX);
        if (k8s != null && !k8s.isBlank()) {
            if (shards == null) {
                throw new UsageException("--shard env with " + KUBERNETES_INDEX + " needs --shards N, the Job's"
                    + " completions");
            }
            return new ShardId(number(KUBERNETES_INDEX, k8s), shards);
        }
        throw new UsageException("--shard env: neither " + SLURM_INDEX + " nor " + KUBERNETES_INDEX + " is set; run"
            + " it as a Slurm array task or a Kubernetes Indexed Job pod, or give --shard I/N");
    }

    private static int number(String what, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(what + ": '" + text + "' is not a whole number; give a 0-based index and a"
                + " count, e.g. 3/16");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
