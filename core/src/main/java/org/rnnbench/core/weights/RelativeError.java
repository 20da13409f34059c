package org.rnnbench.core.weights;

/**
 * The one way rnnbench compares two tensors, in tests, in {@code verify} and in reports: <b>the largest absolute
 * difference divided by the largest magnitude of the expected tensor</b>,
 * <pre>  relative(a, b) = max_i |a_i - b_i| / (max_i |b_i| + TINY)</pre>
 * with {@code b} the expected (reference) values and {@link #TINY} = 1e-12 guarding all-zero tensors. Measuring
 * against the tensor's scale rather than element by element keeps entries that are near zero by chance from
 * dominating, while any error of the tensor's own order still shows. A NaN or infinity in {@code a} where
 * {@code b} is finite is an infinite error; NaN against NaN, and equal infinities, agree. A scalar (a loss) is a
 * tensor of one element.
 */
public final class RelativeError {
    /** Added to the scale of the expected tensor. */
    public static final double TINY = 1e-12;

    private RelativeError() {
    }

    /** The relative error of {@code actual} against {@code expected}. */
    public static double relative(double[] actual, double[] expected) {
        double[] d = differences(actual, expected);
        return d[0] / (d[1] + TINY);
    }

    /** The relative error of float values against float expected values. */
    public static double relative(float[] actual, float[] expected) {
        return relative(widen(actual), widen(expected));
    }

    /** The largest absolute difference; infinite where exactly one of a pair is not finite. */
    public static double maxAbsolute(float[] actual, float[] expected) {
        return differences(widen(actual), widen(expected))[0];
    }

    /** The values as doubles. */
    public static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** {max_i |a_i - b_i|, max_i |b_i|} over the pairs that are not both the same non-finite value. */
    private static double[] differences(double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException("tensors of " + actual.length + " and " + expected.length
                + " values cannot be compared; shapes must be equal");
        }
        double maxDiff = 0;
        double scale = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = actual[i];
            double b = expected[i];
            if (Double.isNaN(a) && Double.isNaN(b) || Double.isInfinite(b) && a == b) {
                continue;
            }
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                return new double[] {Double.POSITIVE_INFINITY, 0};
            }
            maxDiff = Math.max(maxDiff, Math.abs(a - b));
            scale = Math.max(scale, Math.abs(b));
        }
        return new double[] {maxDiff, scale};
    }
}
