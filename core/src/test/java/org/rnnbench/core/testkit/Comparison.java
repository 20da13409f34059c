package org.rnnbench.core.testkit;

import java.util.List;
import java.util.Locale;

import org.opentest4j.AssertionFailedError;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;
import org.rnnbench.core.weights.RelativeError;

/**
 * Test assertions built on the one way rnnbench compares tensors ({@link RelativeError}): <b>per tensor, the
 * largest absolute difference divided by the largest magnitude of the expected tensor</b>,
 * <pre>  error(a, b) = max_i |a_i - b_i| / (max_i |b_i| + TINY)</pre>
 * with {@code b} the expected (reference) values and {@link #TINY} = 1e-12 guarding all-zero tensors. Measuring
 * against the tensor's scale rather than element by element keeps entries that are near zero by chance from
 * dominating, while any error of the tensor's own order still shows. A NaN or infinity in {@code a} where
 * {@code b} is finite is an infinite error; NaN where {@code b} has NaN agrees. A scalar (a loss) is a tensor of
 * one element.
 */
public final class Comparison {
    /** Added to the scale so that an all-zero expected tensor needs an all-but-zero actual one. */
    public static final double TINY = RelativeError.TINY;

    private Comparison() {
    }

    /** The relative error of {@code actual} against {@code expected}: {@link RelativeError#relative}. */
    public static double relativeError(double[] actual, double[] expected) {
        requireSameLength(actual.length, expected.length);
        return RelativeError.relative(actual, expected);
    }

    /** The relative error of float values against double expected values. */
    public static double relativeError(float[] actual, double[] expected) {
        return relativeError(widen(actual), expected);
    }

    /** The relative error of float values against float expected values. */
    public static double relativeError(float[] actual, float[] expected) {
        return relativeError(widen(actual), widen(expected));
    }

    /** Fails, naming {@code what}, the error and the worst element, when the error exceeds {@code tolerance}. */
    public static void assertClose(String what, double[] actual, double[] expected, double tolerance) {
        requireSameLength(actual.length, expected.length, what);
        double error = relativeError(actual, expected);
        if (!(error <= tolerance)) {
            int worst = worstIndex(actual, expected);
            throw new AssertionFailedError(String.format(Locale.ROOT,
                "%s: relative error %.3g exceeds %.1g (worst element %d: actual %s, expected %s; %d elements)",
                what, error, tolerance, worst, actual[worst], expected[worst], actual.length));
        }
    }

    /** {@link #assertClose(String, double[], double[], double)} for float values. */
    public static void assertClose(String what, float[] actual, double[] expected, double tolerance) {
        assertClose(what, widen(actual), expected, tolerance);
    }

    /** {@link #assertClose(String, double[], double[], double)} for float values. */
    public static void assertClose(String what, float[] actual, float[] expected, double tolerance) {
        assertClose(what, widen(actual), widen(expected), tolerance);
    }

    /** A scalar comparison: |a - b| / (|b| + TINY). */
    public static void assertClose(String what, double actual, double expected, double tolerance) {
        assertClose(what, new double[] {actual}, new double[] {expected}, tolerance);
    }

    /** Every tensor of {@code actual} close to the same tensor of {@code expected}. */
    public static void assertClose(String what, CanonicalWeights actual, CanonicalWeights expected,
                                   double tolerance) {
        requireSameLayout(what, actual.layout(), expected.layout());
        for (ParameterShape p : expected.layout().parameters()) {
            assertClose(what + ", tensor " + p.name(), actual.data(p.name()), expected.data(p.name()), tolerance);
        }
    }

    /**
     * Every tensor of {@code actual} close to the double-precision tensor of {@code expected}.
     */
    public static void assertClose(String what, CanonicalWeights actual, ReferenceWeights expected,
                                   double tolerance) {
        requireSameLayout(what, actual.layout(), expected.layout());
        for (ParameterShape p : expected.layout().parameters()) {
            assertClose(what + ", tensor " + p.name(), actual.data(p.name()), expected.get(p.name()), tolerance);
        }
    }

    /**
     * {@code actual} computes the same model as {@code expected}: every tensor other than a recurrent bias is
     * close; of the two recurrent biases of a layer only their sum {@code bias_ih + bias_hh} is compared, because
     * a framework with one bias per gate may fold them and split the sum any way on export. The exception is the
     * GRU's n block, where {@code b_hn} sits inside the reset ({@code r*(W_hn h + b_hn)}) and cannot be folded:
     * there both biases are compared as they are.
     */
    public static void assertEquivalent(String what, CanonicalWeights actual, CanonicalWeights expected,
                                        CellType cell, double tolerance) {
        requireSameLayout(what, actual.layout(), expected.layout());
        for (ParameterShape p : expected.layout().parameters()) {
            String name = p.name();
            String local = name.startsWith(ParameterLayout.DECODER)
                ? name.substring(ParameterLayout.DECODER.length()) : name;
            if (local.startsWith("bias_hh_l")) {
                continue;
            }
            if (!local.startsWith("bias_ih_l") || !cell.hasRecurrentWeights()) {
                assertClose(what + ", tensor " + name, actual.data(name), expected.data(name), tolerance);
                continue;
            }
            String partner = name.replace("bias_ih_l", "bias_hh_l");
            float[] aIh = actual.data(name);
            float[] aHh = actual.data(partner);
            float[] eIh = expected.data(name);
            float[] eHh = expected.data(partner);
            int folded = cell == CellType.GRU ? 2 * aIh.length / 3 : aIh.length;
            double[] aSum = new double[folded];
            double[] eSum = new double[folded];
            for (int i = 0; i < folded; i++) {
                aSum[i] = (double) aIh[i] + aHh[i];
                eSum[i] = (double) eIh[i] + eHh[i];
            }
            assertClose(what + ", " + name + " + " + partner.substring(partner.lastIndexOf('.') + 1)
                + (cell == CellType.GRU ? " (r, z rows)" : ""), aSum, eSum, tolerance);
            if (cell == CellType.GRU) {
                assertClose(what + ", " + name + " (n rows)", tail(aIh, folded), tail(eIh, folded), tolerance);
                assertClose(what + ", " + partner + " (n rows)", tail(aHh, folded), tail(eHh, folded), tolerance);
            }
        }
    }

    /**
     * A copy of {@code actual} in which every element whose gradient {@code g} was ever below {@code floor} in
     * magnitude (element-wise, over the steps in {@code gradients}) takes {@code expected}'s value. Adam moves a
     * weight by {@code lr*g/(|g|+eps)} on its first step: where |g| is near eps (1e-8) the float rounding of g,
     * harmless in the gradient itself, changes that move by a visible fraction of lr, so such an element says
     * nothing about the implementation; with {@code floor = 100*eps} the others are safe.
     */
    public static CanonicalWeights withFlatGradientsFrom(CanonicalWeights actual, CanonicalWeights expected,
                                                         List<ReferenceWeights> gradients, double floor) {
        CanonicalWeights out = actual.copy();
        for (ParameterShape p : expected.layout().parameters()) {
            if (!out.layout().contains(p.name())) {
                continue;
            }
            float[] into = out.data(p.name());
            float[] from = expected.data(p.name());
            for (ReferenceWeights g : gradients) {
                double[] grad = g.get(p.name());
                for (int i = 0; i < into.length; i++) {
                    if (Math.abs(grad[i]) < floor) {
                        into[i] = from[i];
                    }
                }
            }
        }
        return out;
    }

    /** The values widened to double. */
    public static double[] widen(float[] a) {
        return RelativeError.widen(a);
    }

    private static double[] tail(float[] a, int from) {
        double[] d = new double[a.length - from];
        for (int i = from; i < a.length; i++) {
            d[i - from] = a[i];
        }
        return d;
    }

    private static int worstIndex(double[] actual, double[] expected) {
        int worst = 0;
        double worstDiff = -1;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            if (Double.isNaN(d) && !(Double.isNaN(actual[i]) && Double.isNaN(expected[i]))) {
                return i;
            }
            if (d > worstDiff) {
                worstDiff = d;
                worst = i;
            }
        }
        return worst;
    }

    private static void requireSameLength(int actual, int expected) {
        requireSameLength(actual, expected, "values");
    }

    private static void requireSameLength(int actual, int expected, String what) {
        if (actual != expected) {
            throw new AssertionFailedError(what + ": " + actual + " values where " + expected + " were expected");
        }
    }

    private static void requireSameLayout(String what, ParameterLayout actual, ParameterLayout expected) {
        if (!actual.parameters().equals(expected.parameters())) {
            throw new AssertionFailedError(what + ": layout " + actual + " where " + expected + " was expected");
        }
    }
}
