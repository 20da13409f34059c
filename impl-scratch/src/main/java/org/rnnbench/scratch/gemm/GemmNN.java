package org.rnnbench.scratch.gemm;

import org.rnnbench.scratch.simd.Simd;

/**
 * {@code C += A * B}, row-major: A (M, K) with row stride lda, B (K, N) with row stride ldb, C (M, N) with row
 * stride ldc; each matrix starts at its offset. The fast kernels and their naive twins sit side by side: B
 * row-major ({@link #fast}) or in {@link Panels} layout ({@link #paneled}), as the weight matrices are kept.
 */
public final class GemmNN {
    private GemmNN() {
    }

    /** The register-blocked Vector API kernel. */
    public static void fast(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc) {
        BroadcastKernel.run(Tile.selected(), m, n, k, a, aOff, lda, 1, b, bOff, ldb, Simd.LANES, c, cOff, ldc);
    }

    /** The naive twin the fast kernel is tested against: the plain triple loop of {@link NaiveKernel}. */
    public static void naive(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        NaiveKernel.run(m, n, k, a, aOff, lda, 1, b, bOff, ldb, 1, c, cOff, ldc);
    }

    /**
     * The register-blocked Vector API kernel on B (K, N) in {@link Panels} layout starting at bOff (a panel
     * boundary), the panels {@code bPanel} floats apart ({@link Panels#panelStride} of the full matrix's K).
     */
    public static void paneled(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int bPanel,
                               float[] c, int cOff, int ldc) {
        BroadcastKernel.run(Tile.selected(), m, n, k, a, aOff, lda, 1, b, bOff, Simd.LANES, bPanel, c, cOff,
            ldc);
    }

    /** Floats of a buffer for {@link #pack} of an A of (M, K). */
    public static int packedSize(int m, int k) {
        return BroadcastKernel.packedSize(m, k);
    }

    /**
     * Part {@code part} of {@code parts} of packing A (M, K) for {@link #paneled(int, int, int, float[], int, int,
     * float[], float[], int, int, float[], int, int) paneled} with a packed A: the threads of a pool each pack a
     * share, meet at a barrier, and then multiply column slices of B without packing A once per slice.
     */
    public static void pack(int m, int k, float[] a, int aOff, int lda, float[] packed, int part, int parts) {
        BroadcastKernel.packAll(Tile.selected(), m, k, a, aOff, lda, 1, packed, part, parts);
    }

    /** {@link #paneled} with A also given packed by {@link #pack} (the same M and K) in {@code packed}. */
    public static void paneled(int m, int n, int k, float[] a, int aOff, int lda, float[] packed, float[] b,
                               int bOff, int bPanel, float[] c, int cOff, int ldc) {
        BroadcastKernel.run(Tile.selected(), m, n, k, a, aOff, lda, 1, packed, b, bOff, Simd.LANES, bPanel, c, cOff,
            ldc);
    }

    /** The naive twin of {@link #paneled}: the plain triple loop reading B through the panel layout. */
    public static void naivePaneled(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff,
                                    int bPanel, float[] c, int cOff, int ldc) {
        // a is (M, K), b is (K, N) in panels, c is (M, N)
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * lda + p] * b[bOff + j / Simd.LANES * bPanel + p * Simd.LANES + j % Simd.LANES];
                }
                c[cOff + i * ldc + j] += sum;
            }
        }
    }
}
