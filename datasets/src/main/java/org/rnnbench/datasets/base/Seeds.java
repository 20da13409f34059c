package org.rnnbench.datasets.base;

import java.util.SplittableRandom;

/**
 * The random streams of a task, all derived from the run's seed with {@link SplittableRandom} (its algorithm is
 * specified, so a stream is the same on every JDK). Training step s draws from {@code mix(seed, s)}; the evaluation
 * set draws from {@code mix(seed, -1)}, a stream no step can reach because steps are never negative and
 * {@link #mix} is one-to-one in its second argument.
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long STEP_SALT = 0xD1B54A32D192ED03L;
    /** The stream index of the evaluation set: no training step has it. */
    private static final long EVALUATION_STREAM = -1L;

    private Seeds() {
    }

    /** The stream of training step {@code step} (at least 0) of a run with {@code seed}. */
    public static SplittableRandom train(long seed, long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be 0 or more, got " + step);
        }
        return new SplittableRandom(mix(seed, step));
    }

    /** The stream of the evaluation set of a run with {@code seed}, separate from every training step's. */
    public static SplittableRandom evaluation(long seed) {
        return new SplittableRandom(mix(seed, EVALUATION_STREAM));
    }

    /** Mixes two longs into one; for a fixed {@code a} it is a bijection of {@code b}. */
    public static long mix(long a, long b) {
        return fmix64(a * GOLDEN ^ fmix64(b ^ STEP_SALT));
    }

    /** MurmurHash3's 64-bit finaliser, a bijection that spreads every input bit over the output. */
    public static long fmix64(long k) {
        long h = k;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
