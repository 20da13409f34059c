package org.rnnbench.reports.stats;

/**
 * Student's t distribution: {@code F(t) = 1 - I_{df/(df+t^2)}(df/2, 1/2) / 2} for t &gt;= 0 (symmetric below) and
 * its inverse by bisection.
 */
public final class StudentT {
    /** The standard normal 0.975 quantile. */
    public static final double Z975 = 1.959963984540054;

    private StudentT() {
    }

    /** F(t) with {@code df} degrees of freedom. */
    public static double cdf(double t, double df) {
        double tail = 0.5 * SpecialFunctions.betaI(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /**
     * The p-quantile.
     *
     * @param p  in (0, 1)
     * @param df degrees of freedom, at least 1
     */
    public static double quantile(double p, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("Student's t needs at least 1 degree of freedom, got " + df);
        }
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a t quantile needs p in (0, 1), got " + p);
        }
        double bound = 10;
        while (cdf(bound, df) < p) {
            bound *= 4;
        }
        return SpecialFunctions.invert(t -> cdf(t, df), p, -bound, bound);
    }

    /** t(0.975; df), the factor of the standard error in a two-sided 95% confidence interval of a mean. */
    public static double quantile975(int df) {
        return quantile(0.975, df);
    }
}
