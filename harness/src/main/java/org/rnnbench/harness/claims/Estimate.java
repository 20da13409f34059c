package org.rnnbench.harness.claims;

import java.util.Arrays;

import org.rnnbench.reports.stats.MeanInterval;

/**
 * A statistic over seeds with its 95% interval. With finite values only: the mean and Student's t interval
 * ({@link MeanInterval}). When a value is infinite (a unit that diverged, or never reached a target, on a statistic
 * where that counts as infinitely bad or good): the median and the range of the values, since a mean and a t
 * interval are not defined. NaN values (no statistic for that seed) are left out.
 *
 * @param values the per-seed values, NaN left out
 * @param centre the mean (finite values) or the median (with an infinite value); NaN with no value
 * @param low    the interval's lower end; NaN with fewer than two values
 * @param high   the interval's upper end; NaN with fewer than two values
 */
public record Estimate(double[] values, double centre, double low, double high) {

    /** The estimate of per-seed values. */
    public static Estimate of(double... perSeed) {
        double[] v = Arrays.stream(perSeed).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
            return new Estimate(v, Double.NaN, Double.NaN, Double.NaN);
        }
        if (Arrays.stream(v).allMatch(Double::isFinite)) {
            MeanInterval m = MeanInterval.of(v);
            double half = v.length < 2 ? Double.NaN : m.halfWidth();
            return new Estimate(v, m.mean(), m.mean() - half, m.mean() + half);
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return n < 2 ? new Estimate(v, median, Double.NaN, Double.NaN)
            : new Estimate(v, median, sorted[0], sorted[n - 1]);
    }

    /** The number of values. */
    public int n() {
        return values.length;
    }

    /** True when the interval is defined (two values or more). */
    public boolean defined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** True when the interval is a range because a value is infinite. */
    public boolean isRange() {
        return Arrays.stream(values).anyMatch(Double::isInfinite);
    }
}
