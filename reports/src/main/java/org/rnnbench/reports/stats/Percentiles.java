package org.rnnbench.reports.stats;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between order statistics: for sorted x[0..n-1], the p-th percentile is at
 * position {@code h = p/100 * (n-1)}, i.e. {@code x[floor(h)] + (h - floor(h)) * (x[floor(h)+1] - x[floor(h)])}
 * (Hyndman and Fan's type 7, the default of R and numpy). The median is the 50th percentile.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /**
     * The p-th percentile of sorted values.
     *
     * @param sorted ascending values, at least one
     * @param p      in [0, 100]
     */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile must be in [0, 100], got " + p);
        }
        double h = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The median of unsorted values (not changed), NaN for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, 50);
    }
}
