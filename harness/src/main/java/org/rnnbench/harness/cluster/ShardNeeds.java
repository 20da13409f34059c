package org.rnnbench.harness.cluster;

import java.util.Collection;

/**
 * What one shard asks its scheduler for when the user does not say: a time limit from the cost model's estimate
 * with a margin, and memory from the backends it runs.
 */
public final class ShardNeeds {
    /** The estimate is multiplied by this... */
    public static final double TIME_FACTOR = 2;
    /** ...and this many seconds are added (JVM starts, a slower or busy node, a model that is off). */
    public static final double TIME_SLACK_SECONDS = 900;
    /** The harness's JVM and one worker JVM's heap. */
    static final double BASE_BYTES = 2.0 * (1L << 30);
    /** The native memory of a framework backend (DL4J's ND4J, DJL's libtorch), outside the JVM heap. */
    static final double NATIVE_BYTES = 2.0 * (1L << 30);
    /** The backend that runs on the JVM heap alone. */
    static final String PURE_JAVA_BACKEND = "scratch";

    private ShardNeeds() {
    }

    /** The time limit in seconds for a shard estimated at {@code estimateSeconds}. */
    public static double seconds(double estimateSeconds) {
        return estimateSeconds * TIME_FACTOR + TIME_SLACK_SECONDS;
    }

    /** The memory in bytes for a shard running {@code backends}. */
    public static double bytes(Collection<String> backends) {
        boolean framework = backends.stream().anyMatch(b -> !b.equals(PURE_JAVA_BACKEND));
        return BASE_BYTES + (framework ? NATIVE_BYTES : 0);
    }
}
