package org.rnnbench.harness.verify;

/**
 * The one way rnnbench compares two tensors (the same definition as the test kit's {@code Comparison} in core's
 * test-jar, pinned by a test): <b>the largest absolute difference divided by the largest magnitude of the expected
 * tensor</b>,
 * <pre>  relative(a, b) = max_i |a_i - b_i| / (max_i |b_i| + TINY)</pre>
 * with {@code b} the expected (reference) values and {@link #TINY} = 1e-12 guarding all-zero tensors. Measuring
 * against the tensor's scale keeps entries that are near zero by chance from dominating. A NaN or infinity in
 * {@code a} where {@code b} is finite is an infinite error; NaN against NaN, and equal infinities, agree.
 */
public final class RelativeError {
    /** Added to the scale of the expected tensor. */
    public static final double TINY = 1e-12;

    private RelativeError() {
    }

    /** The relative error of {@code actual} against {@code expected}. */
    public static double relative(float[] actual, float[] expected) {
        double[] d = differences(actual, expected);
        return d[0] / (d[1] + TINY);
    }

    /** The largest absolute difference; infinite where exactly one of a pair is not finite. */
    public static double maxAbsolute(float[] actual, float[] expected) {
        return differences(actual, expected)[0];
    }

    /** {max_i |a_i - b_i|, max_i |b_i|} over the pairs that are not both the same non-finite value. */
    private static double[] differences(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException("tensors of " + actual.length + " and " + expected.length
                + " values cannot be compared; shapes must be equal");
        }
        double maxDiff = 0;
        double scale = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = actual[i];
            double b = expected[i];
            if (agreeNonFinite(a, b)) {
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

    private static boolean agreeNonFinite(double a, double b) {
        return Double.isNaN(a) && Double.isNaN(b) || Double.isInfinite(b) && a == b;
    }
}
