package org.rnnbench.core.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Central-difference gradients in double precision: {@code df/dx_i ~ (f(x + h e_i) - f(x - h e_i)) / 2h}. The
 * function reads the arrays being differentiated, which are perturbed in place and restored bit for bit after
 * every entry, so "any function of the canonical weights" (or of an input) is simply a {@link DoubleSupplier} that
 * closes over them.
 *
 * <p>With h = 1e-5 the truncation error is O(h^2 f''') ~ 1e-10 and the rounding error O(eps f / h) ~ 1e-11, far
 * below the 1e-6 relative agreement the reference's analytic gradients are held to. A ReLU kink within h of a
 * pre-activation would break the estimate; at these sizes that does not happen for the fixed seeds used.
 */
public final class FiniteDifferences {
    /** The default step h. */
    public static final double STEP = 1e-5;

    private FiniteDifferences() {
    }

    /** The central-difference gradient of {@code f} with respect to every entry of {@code x}, step {@link #STEP}. */
    public static double[] gradient(double[] x, DoubleSupplier f) {
        return gradient(x, f, STEP);
    }

    /** The central-difference gradient of {@code f} with respect to every entry of {@code x}. */
    public static double[] gradient(double[] x, DoubleSupplier f, double step) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double original = x[i];
            x[i] = original + step;
            double plus = f.getAsDouble();
            x[i] = original - step;
            double minus = f.getAsDouble();
            x[i] = original;
            g[i] = (plus - minus) / (2 * step);
        }
        return g;
    }

    /** The central-difference gradient of {@code f} with respect to every tensor of {@code weights}, by name. */
    public static Map<String, double[]> gradient(ReferenceWeights weights, DoubleSupplier f) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : weights.asMap().entrySet()) {
            out.put(e.getKey(), gradient(e.getValue(), f));
        }
        return out;
    }
}
