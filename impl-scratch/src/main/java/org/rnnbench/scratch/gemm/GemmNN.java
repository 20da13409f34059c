package org.rnnbench.scratch.gemm;

/**
 * {@code C += A * B}, row-major: A (M, K) with row stride lda, B (K, N) with row stride ldb, C (M, N) with row
 * stride ldc; each matrix starts at its offset. The fast kernel and its naive twin sit side by side.
 */
public final class GemmNN {
    private GemmNN() {
    }

    /** The register-blocked Vector API kernel. */
    public static void fast(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc) {
        BroadcastKernel.run(m, n, k, a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc);
    }

    /** The naive twin the fast kernel is tested against: the plain triple loop of {@link NaiveKernel}. */
    public static void naive(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        NaiveKernel.run(m, n, k, a, aOff, lda, 1, b, bOff, ldb, 1, c, cOff, ldc);
    }
}
