package org.rnnbench.reports.compare;

import java.util.Objects;
import java.util.function.Consumer;

import org.rnnbench.reports.stats.StepTimes;

/**
 * The thresholds of a comparison.
 *
 * @param threshold      relative step-time change that counts: a regression needs the ratio current / baseline
 *                       above {@code 1 + threshold} and its 95% interval above 1 (an improvement below
 *                       {@code 1 / (1 + threshold)} and the interval below 1); default 0.10
 * @param metricSigmas   a metric change counts when larger than this many seed standard deviations of the
 *                       configuration in the baseline; default 3
 * @param chanceFraction ... or larger than this fraction of the baseline's distance from chance, whichever is
 *                       larger (the only yardstick when there is one seed); default 0.10
 * @param warmupFraction fraction of each run's first steps dropped from step times; default 0.10
 * @param resamples      bootstrap rounds; default 2000
 * @param minSteps       fewest step times (after warm-up) on each side for a step-time verdict; default 5
 * @param seed           seed of the bootstrap; default 1
 * @param allowMachineChange judge step times relative to the calibration even when the two sides' machine speeds
 *                       differ by more than {@code machineTolerance}; default false (such a comparison is refused)
 * @param runNoise       the run-to-run noise of a backend's step times that no statistic of one comparison sees:
 *                       the standard deviation of the ratio a whole backend moves by between two runs of the same
 *                       code on the same machine, after the calibration, as a fraction (0.1: about 10%), per
 *                       backend or one for all; measured by {@code reports/scripts/gate-rates.sh}; default
 *                       {@value #DEFAULT_RUN_NOISE} for every backend
 * @param unitNoise      the least run-to-run noise of one unit on its own, beyond its backend's shift, as a
 *                       fraction: a floor under the noise estimated from the other units, for the unit that jumps
 *                       while the rest hold still (measured by {@code gate-rates.sh}); default
 *                       {@value #DEFAULT_UNIT_NOISE}
 * @param machineTolerance how far the two sides' calibrations may differ before the machines count as not
 *                       comparable, as a fraction; default {@value #DEFAULT_MACHINE_TOLERANCE}
 */
public record CompareSettings(double threshold, double metricSigmas, double chanceFraction, double warmupFraction,
                              int resamples, int minSteps, long seed, boolean allowMachineChange, RunNoise runNoise,
                              double unitNoise, double machineTolerance) {
    /**
     * The default run-to-run noise: measured with {@code gate-rates.sh} on a 2-vCPU cloud VM (the machine CI
     * runs on), where a backend's step times moved by 9-12% (root mean square, after the calibration) between
     * two smoke runs of the same code at idle.
     */
    public static final double DEFAULT_RUN_NOISE = 0.10;
    /**
     * The default unit noise: on that VM most units of a smoke or quick run land within 3% of their backend's shift
     * in the next run, one in twenty 25-50% away, and a few a factor of 2.4 to 7.5 (JIT and allocator luck of one
     * JVM); 30% flags a unit alone from about x2.6 in a quick run.
     */
    public static final double DEFAULT_UNIT_NOISE = 0.30;
    /**
     * The default machine tolerance: the calibrations of two runs at idle on that VM differed by up to 17%; a
     * competing load on every core slows them by 50% or more.
     */
    public static final double DEFAULT_MACHINE_TOLERANCE = 0.25;

    /** The defaults. */
    public static final CompareSettings DEFAULTS = new CompareSettings(0.10, 3, 0.10, StepTimes.DEFAULT_WARMUP, 2000,
        5, 1, false, RunNoise.of(DEFAULT_RUN_NOISE), DEFAULT_UNIT_NOISE, DEFAULT_MACHINE_TOLERANCE);

    /** Validates every field. */
    public CompareSettings {
        if (!(threshold >= 0 && threshold < 10)) {
            throw new IllegalArgumentException("the step-time threshold must be in [0, 10) (0.1 = 10%), got "
                + threshold);
        }
        if (!(metricSigmas >= 0 && Double.isFinite(metricSigmas))) {
            throw new IllegalArgumentException("metric sigmas must be a finite number >= 0, got " + metricSigmas);
        }
        if (!(chanceFraction >= 0 && chanceFraction <= 1)) {
            throw new IllegalArgumentException("the chance fraction must be in [0, 1], got " + chanceFraction);
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("the warm-up fraction must be in [0, 1), got " + warmupFraction);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap resamples must be at least 100, got " + resamples);
        }
        if (minSteps < 1) {
            throw new IllegalArgumentException("the minimum number of steps must be at least 1, got " + minSteps);
        }
        Objects.requireNonNull(runNoise, "runNoise");
        if (!(unitNoise >= 0 && unitNoise < 10)) {
            throw new IllegalArgumentException("the unit noise must be in [0, 10) (0.2 = 20%), got " + unitNoise);
        }
        if (!(machineTolerance >= 0 && machineTolerance < 10)) {
            throw new IllegalArgumentException("the machine tolerance must be in [0, 10) (0.25 = 25%), got "
                + machineTolerance);
        }
    }

    /**
     * A fraction written as {@code 0.1} or {@code 10%}, as the command lines take thresholds.
     *
     * @param option the option's name, for the message
     * @throws IllegalArgumentException naming the option and the text when it is not a number
     */
    public static double parseFraction(String option, String text) {
        String t = text.trim();
        boolean percent = t.endsWith("%");
        try {
            double v = Double.parseDouble(percent ? t.substring(0, t.length() - 1).trim() : t);
            return percent ? v / 100 : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number such as 0.1 or 10%, got '" + text + "'", e);
        }
    }

    /** A copy with another step-time threshold. */
    public CompareSettings withThreshold(double value) {
        return edit(b -> b.threshold = value);
    }

    /** A copy with another number of seed standard deviations. */
    public CompareSettings withMetricSigmas(double value) {
        return edit(b -> b.metricSigmas = value);
    }

    /** A copy with another fraction of the distance to chance. */
    public CompareSettings withChanceFraction(double value) {
        return edit(b -> b.chanceFraction = value);
    }

    /** A copy with another warm-up fraction. */
    public CompareSettings withWarmupFraction(double value) {
        return edit(b -> b.warmupFraction = value);
    }

    /** These settings with {@code allowMachineChange} replaced. */
    public CompareSettings withAllowMachineChange(boolean value) {
        return edit(b -> b.allowMachineChange = value);
    }

    /** A copy with the same run-to-run noise for every backend. */
    public CompareSettings withRunNoise(double value) {
        return withRunNoise(RunNoise.of(value));
    }

    /** A copy with another run-to-run noise. */
    public CompareSettings withRunNoise(RunNoise value) {
        return edit(b -> b.runNoise = value);
    }

    /** A copy with another unit noise. */
    public CompareSettings withUnitNoise(double value) {
        return edit(b -> b.unitNoise = value);
    }

    /** A copy with another machine tolerance. */
    public CompareSettings withMachineTolerance(double value) {
        return edit(b -> b.machineTolerance = value);
    }

    /** A copy with the fields {@code change} sets replaced (validated again). */
    private CompareSettings edit(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.settings();
    }

    /** The fields of settings being copied, for the {@code with} methods. */
    private static final class Fields {
        double threshold;
        double metricSigmas;
        double chanceFraction;
        double warmupFraction;
        int resamples;
        int minSteps;
        long seed;
        boolean allowMachineChange;
        RunNoise runNoise;
        double unitNoise;
        double machineTolerance;

        Fields(CompareSettings s) {
            threshold = s.threshold;
            metricSigmas = s.metricSigmas;
            chanceFraction = s.chanceFraction;
            warmupFraction = s.warmupFraction;
            resamples = s.resamples;
            minSteps = s.minSteps;
            seed = s.seed;
            allowMachineChange = s.allowMachineChange;
            runNoise = s.runNoise;
            unitNoise = s.unitNoise;
            machineTolerance = s.machineTolerance;
        }

        CompareSettings settings() {
            return new CompareSettings(threshold, metricSigmas, chanceFraction, warmupFraction, resamples, minSteps,
                seed, allowMachineChange, runNoise, unitNoise, machineTolerance);
        }
    }
}
