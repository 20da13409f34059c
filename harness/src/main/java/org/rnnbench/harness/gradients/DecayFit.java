package org.rnnbench.harness.gradients;

/**
 * How fast the norm of dL/dh_t decays going back in time from the last step T-1.
 *
 * <ul>
 *   <li>{@code rate}: the slope of a least-squares line through {@code (t, ln norm_t)}, per step, over the steps
 *       whose norm is finite and within {@link #FIT_RANGE} of the curve's largest norm (20 decades), so that
 *       float32's underflow floor, where backends differ (exact zeros, or denormals near 1e-44), does not bend
 *       the line. For a loss at the last step (many-to-one), a vanishing gradient has a positive rate: going back
 *       one step multiplies the norm by {@code exp(-rate)}. A negative rate means the norm grows going back
 *       (exploding). NaN with fewer than two usable steps.</li>
 *   <li>{@code horizon}: the number of steps back from T-1 until the norm first falls below
 *       {@value #HORIZON_FRACTION} of its value at T-1, i.e. the least k &gt;= 1 with
 *       {@code norm[T-1-k] < 1e-3 * norm[T-1]}; -1 ("none within T") when it never does or the last norm is not
 *       finite and positive.</li>
 * </ul>
 *
 * @param rate    fitted decay rate per step
 * @param horizon steps back until the norm falls below 1e-3 of the last step's, -1 for none within T
 * @param points  the steps the fit used
 * @param r2      the coefficient of determination of that line (1 for an exact exponential), NaN with fewer than
 *                two usable steps or a constant curve
 */
public record DecayFit(double rate, int horizon, int points, double r2) {
    /** The fraction of the last step's norm that ends the horizon. */
    public static final double HORIZON_FRACTION = 1e-3;
    /** The fit uses norms at least this fraction of the largest one. */
    public static final double FIT_RANGE = 1e-20;

    /** The fit of a curve of norms over t = 0..T-1. */
    public static DecayFit of(double[] norms) {
        double max = 0;
        for (double v : norms) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        double floor = max * FIT_RANGE;
        double n = 0;
        double sumT = 0;
        double sumY = 0;
        double sumTT = 0;
        double sumTY = 0;
        double sumYY = 0;
        for (int t = 0; t < norms.length; t++) {
            double v = norms[t];
            if (Double.isFinite(v) && v > 0 && v >= floor) {
                double y = Math.log(v);
                n++;
                sumT += t;
                sumY += y;
                sumTT += (double) t * t;
                sumTY += t * y;
                sumYY += y * y;
            }
        }
        double denominator = n * sumTT - sumT * sumT;
        double rate = n < 2 || denominator == 0 ? Double.NaN : (n * sumTY - sumT * sumY) / denominator;
        // r^2 = cov(t, y)^2 / (var t * var y), each scaled by n^2
        double varY = n * sumYY - sumY * sumY;
        double covariance = n * sumTY - sumT * sumY;
        double r2 = Double.isNaN(rate) || varY <= 0 ? Double.NaN : covariance * covariance / (denominator * varY);
        return new DecayFit(rate, horizon(norms), (int) n, r2);
    }

    /** The horizon as the class javadoc defines it. */
    static int horizon(double[] norms) {
        if (norms.length == 0) {
            return -1;
        }
        double last = norms[norms.length - 1];
        if (!(Double.isFinite(last) && last > 0)) {
            return -1;
        }
        double threshold = HORIZON_FRACTION * last;
        for (int k = 1; k < norms.length; k++) {
            if (norms[norms.length - 1 - k] < threshold) {
                return k;
            }
        }
        return -1;
    }
}
