package org.rnnbench.scratch.gemm;

import org.rnnbench.scratch.simd.Simd;

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
        BroadcastKernel.run(Tile.selected(), m, n, k, a, aOff, 1, lda, b, bOff, ldb, Simd.LANES, c, cOff, ldc);
    }

    /** The naive twin the fast kernel is tested against: the plain triple loop of {@link NaiveKernel}. */
    public static void naive(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        NaiveKernel.run(m, n, k, a, aOff, 1, lda, b, bOff, ldb, 1, c, cOff, ldc);
    }
}
