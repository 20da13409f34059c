package org.rnnbench.harness.calibration;

import java.util.SplittableRandom;

/**
 * A memory-latency workload: a walk of dependent loads along one random cycle through an int array, so that every
 * load waits for the one before and the prefetchers cannot guess the next address. Its time is the latency of the
 * level of the memory hierarchy the array lives in: with 4 MB, past a core's L2 and in the shared L3, where a
 * neighbour on the host that thrashes the cache shows as slower loads although the core itself is free; the GEMM,
 * whose matrices fit in L1 and L2, does not see that.
 */
final class PointerChase {
    private final int[] next;
    private int position;

    /**
     * A single cycle through {@code length} ints (Sattolo's shuffle), from a fixed seed, so that every JVM walks the
     * same cycle.
     */
    PointerChase(int length) {
        int[] order = new int[length];
        for (int i = 0; i < length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(20_261_205L);
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        next = new int[length];
        for (int i = 0; i < length; i++) {
            next[order[i]] = order[(i + 1) % length];
        }
    }

    /** Takes {@code loads} steps along the cycle, in chunks of a small method (see {@link Calibration}). */
    void walk(int loads) {
        int x = position;
        for (int left = loads; left > 0; left -= Calibration.CHUNK) {
            x = chunk(x, Math.min(left, Calibration.CHUNK));
        }
        position = x;
    }

    /** Where the walk stands, so that its loads cannot be optimized away. */
    int position() {
        return position;
    }

    private int chunk(int x, int loads) {
        int[] n = next;
        for (int i = 0; i < loads; i++) {
            x = n[x];
        }
        return x;
    }
}
