package org.rnnbench.scratch.gemm;

import static org.rnnbench.scratch.simd.Simd.LANES;

import org.rnnbench.scratch.simd.Simd;

/**
 * The panel layout of a right-hand operand B (K, N): the columns cut into panels one vector (L) wide, each panel
 * stored as K contiguous rows of L floats, {@code B(p, j)} at {@code (j/L)*K*L + p*L + j%L}; N is padded to a
 * multiple of L. A kernel walking a column panel down K then reads one dense stream per vector, whatever N is, so
 * weight matrices are kept in this layout ({@link GemmNN#paneled}) instead of being packed at every product.
 */
public final class Panels {
    private Panels() {
    }

    /** The floats of a (K, N) matrix in panel layout. */
    public static int size(int k, int n) {
        return Simd.padded(n) * k;
    }

    /** The distance between two panels of a matrix with K rows: the panel stride the kernels take. */
    public static int panelStride(int k) {
        return k * LANES;
    }

    /** Where element (p, j) of a matrix with K rows sits. */
    public static int index(int k, int p, int j) {
        return j / LANES * k * LANES + p * LANES + j % LANES;
    }
}
