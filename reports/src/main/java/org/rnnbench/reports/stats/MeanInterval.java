package org.rnnbench.reports.stats;

import java.util.Arrays;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of values over seeds with its two-sided 95% confidence interval, {@code mean +- t(0.975; n-1) * s /
 * sqrt(n)} (Student's t, s the sample standard deviation; both from Commons Statistics). Non-finite values (a
 * diverged run) are left out and not counted in {@code n}.
 *
 * @param n         finite values used
 * @param mean      their mean, NaN when n = 0
 * @param sd        their sample standard deviation, NaN when n &lt; 2
 * @param halfWidth the interval's half width, NaN when n &lt; 2
 */
public record MeanInterval(int n, double mean, double sd, double halfWidth) {

    /** The interval of the finite values among {@code values}. */
    public static MeanInterval of(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new MeanInterval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Mean.of(finite).getAsDouble();
        if (n == 1) {
            return new MeanInterval(1, mean, Double.NaN, Double.NaN);
        }
        double sd = StandardDeviation.of(finite).getAsDouble();
        return new MeanInterval(n, mean, sd, t975(n - 1) * sd / Math.sqrt(n));
    }

    /** t(0.975; df), the factor of the standard error in a two-sided 95% interval of a mean. */
    public static double t975(int df) {
        return TDistribution.of(df).inverseCumulativeProbability(0.975);
    }

    /** The lower end, NaN when undefined. */
    public double low() {
        return mean - halfWidth;
    }

    /** The upper end, NaN when undefined. */
    public double high() {
        return mean + halfWidth;
    }
}
