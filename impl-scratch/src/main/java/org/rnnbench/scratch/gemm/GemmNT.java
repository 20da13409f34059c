package org.rnnbench.scratch.gemm;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code C += A * B^T}, row-major: A (M, K) with row stride lda, B stored (N, K) with row stride ldb, C (M, N) with
 * row stride ldc. Every element is a dot product of two rows, which suits a narrow C such as a head with few
 * outputs. The fast kernel and its naive twin sit side by side.
 *
 * <p>The fast kernel keeps a tile of 4 rows by 3 columns of C as 12 vector accumulators over K, reduces their lanes
 * at the end and finishes the K % L tail with scalar fused multiply-adds. Every element goes through the same
 * steps whatever tile computes it, so results do not depend on how C is split between threads.
 */
public final class GemmNT {
    private static final int ROWS = 4;
    private static final int COLS = 3;

    private GemmNT() {
    }

    /** The naive twin the fast kernel is tested against: the plain triple loop of {@link NaiveKernel}. */
    public static void naive(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        NaiveKernel.run(m, n, k, a, aOff, lda, 1, b, bOff, 1, ldb, c, cOff, ldc);
    }

    /** The register-blocked Vector API kernel. */
    public static void fast(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc) {
        int rowEnd = m - m % ROWS;
        int colEnd = n - n % COLS;
        // c is (M, N): tiles of 4 rows x 3 columns, then single rows and single columns
        for (int i = 0; i < rowEnd; i += ROWS) {
            for (int j = 0; j < colEnd; j += COLS) {
                tile4x3(k, a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc);
            }
        }
        for (int i = 0; i < m; i++) {
            int jStart = i < rowEnd ? colEnd : 0;
            for (int j = jStart; j < n; j++) {
                c[cOff + i * ldc + j] += dot(k, a, aOff + i * lda, b, bOff + j * ldb);
            }
        }
    }

    private static float dot(int k, float[] a, int a0, float[] b, int b0) {
        int whole = k - k % LANES;
        FloatVector s = FloatVector.zero(SPECIES);
        // a row and b row, L values at a time
        for (int p = 0; p < whole; p += LANES) {
            s = fromArray(SPECIES, a, a0 + p).fma(fromArray(SPECIES, b, b0 + p), s);
        }
        return tail(k, whole, a, a0, b, b0, s.reduceLanes(VectorOperators.ADD));
    }

    private static float tail(int k, int whole, float[] a, int a0, float[] b, int b0, float sum) {
        for (int p = whole; p < k; p++) {
            sum = Math.fma(a[a0 + p], b[b0 + p], sum);
        }
        return sum;
    }

    private static void tile4x3(int k, float[] a, int a0, int lda, float[] b, int b0, int ldb, float[] c, int c0,
                                int ldc) {
        int whole = k - k % LANES;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        FloatVector s00 = FloatVector.zero(SPECIES), s01 = s00, s02 = s00, s10 = s00, s11 = s00, s12 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s30 = s00, s31 = s00, s32 = s00;
        // per chunk of L along K: 4 rows of a against 3 rows of b
        for (int p = 0; p < whole; p += LANES) {
            FloatVector x0 = fromArray(SPECIES, b, b0 + p);
            FloatVector x1 = fromArray(SPECIES, b, b0 + ldb + p);
            FloatVector x2 = fromArray(SPECIES, b, b0 + 2 * ldb + p);
            FloatVector y = fromArray(SPECIES, a, a0 + p);
            s00 = y.fma(x0, s00);
            s01 = y.fma(x1, s01);
            s02 = y.fma(x2, s02);
            y = fromArray(SPECIES, a, a1 + p);
            s10 = y.fma(x0, s10);
            s11 = y.fma(x1, s11);
            s12 = y.fma(x2, s12);
            y = fromArray(SPECIES, a, a2 + p);
            s20 = y.fma(x0, s20);
            s21 = y.fma(x1, s21);
            s22 = y.fma(x2, s22);
            y = fromArray(SPECIES, a, a3 + p);
            s30 = y.fma(x0, s30);
            s31 = y.fma(x1, s31);
            s32 = y.fma(x2, s32);
        }
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int b1 = b0 + ldb;
        int b2 = b1 + ldb;
        c[c0] += tail(k, whole, a, a0, b, b0, s00.reduceLanes(VectorOperators.ADD));
        c[c0 + 1] += tail(k, whole, a, a0, b, b1, s01.reduceLanes(VectorOperators.ADD));
        c[c0 + 2] += tail(k, whole, a, a0, b, b2, s02.reduceLanes(VectorOperators.ADD));
        c[c1] += tail(k, whole, a, a1, b, b0, s10.reduceLanes(VectorOperators.ADD));
        c[c1 + 1] += tail(k, whole, a, a1, b, b1, s11.reduceLanes(VectorOperators.ADD));
        c[c1 + 2] += tail(k, whole, a, a1, b, b2, s12.reduceLanes(VectorOperators.ADD));
        c[c2] += tail(k, whole, a, a2, b, b0, s20.reduceLanes(VectorOperators.ADD));
        c[c2 + 1] += tail(k, whole, a, a2, b, b1, s21.reduceLanes(VectorOperators.ADD));
        c[c2 + 2] += tail(k, whole, a, a2, b, b2, s22.reduceLanes(VectorOperators.ADD));
        c[c3] += tail(k, whole, a, a3, b, b0, s30.reduceLanes(VectorOperators.ADD));
        c[c3 + 1] += tail(k, whole, a, a3, b, b1, s31.reduceLanes(VectorOperators.ADD));
        c[c3 + 2] += tail(k, whole, a, a3, b, b2, s32.reduceLanes(VectorOperators.ADD));
    }
}
