package org.rnnbench.reports.stats;

/**
 * The mean of values over seeds with its two-sided 95% confidence interval, {@code mean +- t(0.975; n-1) * s /
 * sqrt(n)} (Student's t, s the sample standard deviation). Non-finite values (a diverged run) are left out and
 * not counted in {@code n}.
 *
 * @param n         finite values used
 * @param mean      their mean, NaN when n = 0
 * @param sd        their sample standard deviation, NaN when n &lt; 2
 * @param halfWidth the interval's half width, NaN when n &lt; 2
 */
public record MeanInterval(int n, double mean, double sd, double halfWidth) {

    /** The interval of the finite values among {@code values}. */
    public static MeanInterval of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new MeanInterval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(1, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new MeanInterval(n, mean, sd, StudentT.quantile975(n - 1) * sd / Math.sqrt(n));
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
