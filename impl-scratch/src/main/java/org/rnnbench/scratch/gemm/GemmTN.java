package org.rnnbench.scratch.gemm;

/**
 * {@code C += A^T * B}, row-major: A stored (K, M) with row stride lda, B (K, N) with row stride ldb, C (M, N)
 * with row stride ldc. This is the weight-gradient product: K runs over all (time, batch) rows. The fast kernel and
 * its naive twin sit side by side.
 */
public final class GemmTN {
    private GemmTN() {
    }

    /** The register-blocked Vector API kernel (the kernel of {@link GemmNN} reading A transposed). */
    public static void fast(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc) {
        BroadcastKernel.run(m, n, k, a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** The plain triple loop the fast kernel is tested against. */
    public static void naive(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        // a is (K, M), b is (K, N), c is (M, N)
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + p * lda + i] * b[bOff + p * ldb + j];
                }
                c[cOff + i * ldc + j] += sum;
            }
        }
    }
}
