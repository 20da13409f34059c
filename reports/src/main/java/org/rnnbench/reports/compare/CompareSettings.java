package org.rnnbench.reports.compare;

import org.rnnbench.reports.stats.StepTimes;

/**
 * The thresholds of a comparison.
 *
 * @param threshold      relative step-time change that counts: a regression needs the whole 95% interval of the
 *                       ratio current / baseline above {@code 1 + threshold} (an improvement below
 *                       {@code 1 / (1 + threshold)}); default 0.10
 * @param metricSigmas   a metric change counts when larger than this many seed standard deviations of the
 *                       configuration in the baseline; default 3
 * @param chanceFraction ... or larger than this fraction of the baseline's distance from chance, whichever is
 *                       larger (the only yardstick when there is one seed); default 0.10
 * @param warmupFraction fraction of each run's first steps dropped from step times; default 0.10
 * @param resamples      bootstrap rounds; default 2000
 * @param minSteps       fewest step times (after warm-up) on each side for a step-time verdict; default 5
 * @param seed           seed of the bootstrap; default 1
 * @param allowMachineChange judge step times relative to the calibration even when the two sides' machine speeds
 *                       differ by more than the threshold; default false (such a comparison is refused)
 */
public record CompareSettings(double threshold, double metricSigmas, double chanceFraction, double warmupFraction,
                              int resamples, int minSteps, long seed, boolean allowMachineChange) {

    /** The defaults. */
    public static final CompareSettings DEFAULTS = new CompareSettings(0.10, 3, 0.10, StepTimes.DEFAULT_WARMUP, 2000,
        5, 1, false);

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
        return new CompareSettings(value, metricSigmas, chanceFraction, warmupFraction, resamples, minSteps, seed,
            allowMachineChange);
    }

    /** A copy with another number of seed standard deviations. */
    public CompareSettings withMetricSigmas(double value) {
        return new CompareSettings(threshold, value, chanceFraction, warmupFraction, resamples, minSteps, seed,
            allowMachineChange);
    }

    /** A copy with another fraction of the distance to chance. */
    public CompareSettings withChanceFraction(double value) {
        return new CompareSettings(threshold, metricSigmas, value, warmupFraction, resamples, minSteps, seed,
            allowMachineChange);
    }

    /** A copy with another warm-up fraction. */
    public CompareSettings withWarmupFraction(double value) {
        return new CompareSettings(threshold, metricSigmas, chanceFraction, value, resamples, minSteps, seed,
            allowMachineChange);
    }

    /** These settings with {@code allowMachineChange} replaced. */
    public CompareSettings withAllowMachineChange(boolean value) {
        return new CompareSettings(threshold, metricSigmas, chanceFraction, warmupFraction, resamples, minSteps, seed,
            value);
    }
}
