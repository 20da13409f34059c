package org.rnnbench.reports.stats;

/** The standard normal distribution: {@code Phi(x) = 1/2 + sign(x)/2 * P(1/2, x^2/2)} and its inverse. */
public final class Normal {
    private Normal() {
    }

    /** Phi(x), the probability of a value at most x. */
    public static double cdf(double x) {
        double half = 0.5 * SpecialFunctions.gammaP(0.5, x * x / 2);
        return x >= 0 ? 0.5 + half : 0.5 - half;
    }

    /**
     * The p-quantile, Phi^-1(p).
     *
     * @param p in (0, 1)
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a normal quantile needs p in (0, 1), got " + p);
        }
        return SpecialFunctions.invert(Normal::cdf, p, -40, 40);
    }
}
