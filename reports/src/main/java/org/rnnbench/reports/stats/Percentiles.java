package org.rnnbench.reports.stats;

import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * The one definition of percentiles in rnnbench (console, {@code runs.csv}, report and compare): linear
 * interpolation between order statistics, for sorted x[0..n-1] the p-th percentile at position
 * {@code h = p/100 * (n-1)}, i.e. {@code x[floor(h)] + (h - floor(h)) * (x[floor(h)+1] - x[floor(h)])} (Hyndman
 * and Fan's type 7, the default of R and numpy), computed by Commons Statistics' {@link Quantile}. The median is
 * the 50th percentile.
 */
public final class Percentiles {
    private static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

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
        return TYPE_7.evaluate(sorted, p / 100);
    }

    /** The median of unsorted values (not changed), NaN for none. */
    public static double median(double[] values) {
        return values.length == 0 ? Double.NaN : Median.withDefaults().evaluate(values);
    }
}
