package org.rnnbench.reports.stats;

import java.util.Arrays;

/**
 * The median and the 10th and 90th percentiles of a sample (per-step times, say), by {@link Percentiles}.
 *
 * @param n      sample size
 * @param p10    10th percentile, NaN when n = 0
 * @param median 50th percentile, NaN when n = 0
 * @param p90    90th percentile, NaN when n = 0
 */
public record Spread(int n, double p10, double median, double p90) {

    /** The spread of {@code values} (not changed). */
    public static Spread of(double[] values) {
        if (values.length == 0) {
            return new Spread(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(sorted.length, Percentiles.ofSorted(sorted, 10), Percentiles.ofSorted(sorted, 50),
            Percentiles.ofSorted(sorted, 90));
    }
}
