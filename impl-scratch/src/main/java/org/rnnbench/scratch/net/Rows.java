package org.rnnbench.scratch.net;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Vectorised loops over padded rows. Lengths and column slices are whole vectors (multiples of
 * {@link org.rnnbench.scratch.simd.Simd#LANES}), which the padded layout guarantees.
 */
final class Rows {
    private Rows() {
    }

    /** {@code dst[dOff + i] += src[sOff + i]} for i in [0, n), n a multiple of L. */
    static void add(float[] dst, int dOff, float[] src, int sOff, int n) {
        // dst and src are runs of n values
        for (int i = 0; i < n; i += LANES) {
            fromArray(SPECIES, dst, dOff + i).add(fromArray(SPECIES, src, sOff + i)).intoArray(dst, dOff + i);
        }
    }

    /** Adds columns j0..j1 of the (B, S) rows of {@code src} at sOff to those of {@code dst} at dOff. */
    static void add(float[] dst, int dOff, float[] src, int sOff, int batch, int stride, int j0, int j1) {
        for (int b = 0; b < batch; b++) {
            add(dst, dOff + b * stride + j0, src, sOff + b * stride + j0, j1 - j0);
        }
    }

    /** The sum of squares of columns j0..j1 of the (B, S) rows of {@code a}. */
    static double sumSquares(float[] a, int batch, int stride, int j0, int j1) {
        double total = 0;
        for (int b = 0; b < batch; b++) {
            FloatVector s = FloatVector.zero(SPECIES);
            // row b, columns j0..j1
            for (int j = j0; j < j1; j += LANES) {
                FloatVector x = fromArray(SPECIES, a, b * stride + j);
                s = x.fma(x, s);
            }
            total += s.reduceLanes(VectorOperators.ADD);
        }
        return total;
    }

    /**
     * {@code sums[j] = sum over rows r of m[r*width + j]} for the columns j in [from, to), both multiples of L.
     */
    static void columnSums(float[] m, int rows, int width, int from, int to, float[] sums) {
        java.util.Arrays.fill(sums, from, to, 0f);
        // m is (rows, width); sums is (width); columns [from, to)
        for (int r = 0; r < rows; r++) {
            add(sums, from, m, r * width + from, to - from);
        }
    }
}
