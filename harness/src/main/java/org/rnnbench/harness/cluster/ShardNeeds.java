package org.rnnbench.harness.cluster;

import java.util.Collection;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;

/**
 * What one shard asks its scheduler for when the user does not say: a time limit from the cost model's estimate
 * with a margin, and memory from what the backends it runs say they need.
 */
public final class ShardNeeds {
    /** The estimate is multiplied by this... */
    public static final double TIME_FACTOR = 2;
    /** ...and this many seconds are added (JVM starts, a slower or busy node, a model that is off). */
    public static final double TIME_SLACK_SECONDS = 900;
    /** The harness's JVM and one worker JVM's heap. */
    static final double BASE_BYTES = 2.0 * (1L << 30);

    private ShardNeeds() {
    }

    /** The time limit in seconds for a shard estimated at {@code estimateSeconds}. */
    public static double seconds(double estimateSeconds) {
        return estimateSeconds * TIME_FACTOR + TIME_SLACK_SECONDS;
    }

    /**
     * The memory in bytes for a shard running {@code backends} one after another: the JVMs' share and the largest
     * native memory one of them asks for ({@link Backend#nativeMemoryBytes}).
     */
    public static double bytes(Collection<String> backends) {
        long nativeBytes = 0;
        for (String id : backends) {
            nativeBytes = Math.max(nativeBytes, Backends.get(id).nativeMemoryBytes());
        }
        return BASE_BYTES + nativeBytes;
    }
}
