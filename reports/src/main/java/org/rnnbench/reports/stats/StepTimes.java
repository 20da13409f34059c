package org.rnnbench.reports.stats;

import java.util.Collection;
import java.util.function.ToDoubleFunction;

import org.rnnbench.core.run.RunRecord;

/**
 * Per-step wall times of runs in milliseconds, without the warm-up: the first {@code floor(n * warmupFraction)}
 * steps of every run (JIT compilation, caches, allocation of buffers) are dropped before any statistic, in
 * reports and comparisons alike.
 */
public final class StepTimes {
    /** The warm-up fraction used unless told otherwise: the first 10% of the steps. */
    public static final double DEFAULT_WARMUP = 0.1;

    private StepTimes() {
    }

    /** The steps dropped as warm-up from a run of {@code steps} steps. */
    public static int warmupSteps(int steps, double warmupFraction) {
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("the warm-up fraction must be in [0, 1), got " + warmupFraction);
        }
        return (int) Math.floor(steps * warmupFraction);
    }

    /** The times after warm-up of one run, in ms. */
    public static double[] millis(RunRecord run, double warmupFraction) {
        long[] nanos = run.stepNanos();
        int skip = warmupSteps(nanos.length, warmupFraction);
        double[] ms = new double[nanos.length - skip];
        for (int i = skip; i < nanos.length; i++) {
            ms[i - skip] = nanos[i] / 1e6;
        }
        return ms;
    }

    /** The times after warm-up of several runs (repetitions or seeds of one configuration) pooled, in ms. */
    public static double[] pooledMillis(Collection<RunRecord> runs, double warmupFraction) {
        return pooledMillis(runs, warmupFraction, r -> 1);
    }

    /**
     * As {@link #pooledMillis(Collection, double)}, each run's times multiplied by its own {@code scale} (e.g. to
     * put repeated runs at one machine speed).
     */
    public static double[] pooledMillis(Collection<RunRecord> runs, double warmupFraction,
                                        ToDoubleFunction<RunRecord> scale) {
        int total = 0;
        for (RunRecord r : runs) {
            total += r.stepNanos().length - warmupSteps(r.stepNanos().length, warmupFraction);
        }
        double[] all = new double[total];
        int at = 0;
        for (RunRecord r : runs) {
            double[] ms = millis(r, warmupFraction);
            double k = scale.applyAsDouble(r);
            for (double v : ms) {
                all[at++] = v * k;
            }
        }
        return all;
    }
}
