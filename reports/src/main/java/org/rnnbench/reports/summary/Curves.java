package org.rnnbench.reports.summary;

import java.util.List;

/** Point-wise averages of curves (loss per step, gradient norm per time step) over the runs of a configuration. */
public final class Curves {
    private Curves() {
    }

    /**
     * The arithmetic mean at each index over the finite values there; NaN where no curve has one. The result is
     * as long as the longest curve.
     */
    public static double[] mean(List<double[]> curves) {
        return pointwise(curves, false);
    }

    /**
     * The geometric mean at each index over the finite positive values there (the average that fits a log
     * axis); NaN where no curve has one.
     */
    public static double[] geometricMean(List<double[]> curves) {
        return pointwise(curves, true);
    }

    private static double[] pointwise(List<double[]> curves, boolean geometric) {
        int length = curves.stream().mapToInt(c -> c.length).max().orElse(0);
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            double sum = 0;
            int n = 0;
            for (double[] c : curves) {
                if (t < c.length && Double.isFinite(c[t]) && (!geometric || c[t] > 0)) {
                    sum += geometric ? Math.log(c[t]) : c[t];
                    n++;
                }
            }
            out[t] = n == 0 ? Double.NaN : geometric ? Math.exp(sum / n) : sum / n;
        }
        return out;
    }
}
