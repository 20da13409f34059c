package org.rnnbench.scratch.gemm;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The register-blocked kernel behind {@link GemmNN#fast} and {@link GemmTN#fast}: {@code C += A * B} with B
 * row-major (K, N) and A read through strides, {@code A(i, p) = a[aOff + i*aRow + p*aCol]}, so that A may be stored
 * as (M, K) or transposed as (K, M).
 *
 * <p>A tile of 4 rows by 3 vectors of C stays in 12 registers while p runs over K: each step loads 3 vectors of a
 * row of B, broadcasts 4 values of A and issues 12 fused multiply-adds. Edges use 4x2, 4x1, 1x3, 1x1-vector tiles
 * and scalar columns. Every element of C is the same chain {@code c = fma(a_p, b_p, c)} for p = 0..K-1 whatever tile
 * computes it, so results do not depend on how C is split between threads.
 *
 * <p>Blocking: K is cut into blocks of {@link #K_BLOCK} and the rows of the main region into blocks of
 * {@link #M_BLOCK}. For each, the block of A is packed into 4-row strips (K_BLOCK x 4 contiguous) and each panel
 * of B into a K_BLOCK x 3L contiguous copy, so the tiles read two dense streams that stay in L1 and L2 whatever
 * the strides of the operands (a row stride of 2 KB, as in a 512-wide weight matrix, would otherwise map a panel
 * onto a few cache sets). Packing buffers are per thread and allocated once. Small products and the edges read the
 * operands in place.
 */
final class BroadcastKernel {
    /** Rows of the main tile. */
    static final int ROWS = 4;
    /** Vectors per row of the main tile. */
    static final int VECTORS = 3;
    /** Steps of K per pass over C. */
    static final int K_BLOCK = 256;
    /** Rows of A packed at a time. */
    static final int M_BLOCK = 128;
    /** Products with fewer rows read the operands in place: a packed panel would be reused too few times. */
    static final int PACK_ROWS = 64;
    private static final int PANEL = VECTORS * LANES;
    /** Per thread: the packed block of A (M_BLOCK x K_BLOCK) and the packed panel of B (K_BLOCK x 3L or 2L). */
    private static final ThreadLocal<float[][]> PACKS = ThreadLocal.withInitial(
        () -> new float[][] {new float[M_BLOCK * K_BLOCK], new float[K_BLOCK * PANEL]});

    private BroadcastKernel() {
    }

    static void run(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
                    float[] c, int cOff, int ldc) {
        int rowEnd = m - m % ROWS;
        int panelEnd = panelEnd(n);
        int pairEnd = pairEnd(n, panelEnd);
        boolean pack = rowEnd >= PACK_ROWS && pairEnd > 0;
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int kb = Math.min(K_BLOCK, k - p0);
            int aK = aOff + p0 * aCol;
            int bK = bOff + p0 * ldb;
            if (!pack) {
                block(m, n, kb, a, aK, aRow, aCol, b, bK, ldb, c, cOff, ldc);
                continue;
            }
            packed(rowEnd, panelEnd, pairEnd, kb, a, aK, aRow, aCol, b, bK, ldb, c, cOff, ldc);
            block(m - rowEnd, n, kb, a, aK + rowEnd * aRow, aRow, aCol, b, bK, ldb, c, cOff + rowEnd * ldc, ldc);
            block(rowEnd, n - pairEnd, kb, a, aK, aRow, aCol, b, bK + pairEnd, ldb, c, cOff + pairEnd, ldc);
        }
    }

    /**
     * The main region on packed copies of A and B: rows a multiple of 4, 3L-wide panels up to panelEnd, then
     * 2L-wide panels up to pairEnd.
     */
    private static void packed(int m, int panelEnd, int pairEnd, int k, float[] a, int aOff, int aRow, int aCol,
                               float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        float[][] packs = PACKS.get();
        float[] pa = packs[0];
        float[] pb = packs[1];
        for (int i0 = 0; i0 < m; i0 += M_BLOCK) {
            int mb = Math.min(M_BLOCK, m - i0);
            // pa holds mb/4 strips of (K, 4): strip r, step p, row q at (r*K + p)*4 + q
            for (int r = 0; r < mb / ROWS; r++) {
                for (int p = 0; p < k; p++) {
                    int from = aOff + (i0 + r * ROWS) * aRow + p * aCol;
                    int to = (r * k + p) * ROWS;
                    pa[to] = a[from];
                    pa[to + 1] = a[from + aRow];
                    pa[to + 2] = a[from + 2 * aRow];
                    pa[to + 3] = a[from + 3 * aRow];
                }
            }
            for (int j = 0; j < pairEnd; ) {
                int width = j < panelEnd ? PANEL : 2 * LANES;
                // pb holds the panel (K, width) of B
                for (int p = 0; p < k; p++) {
                    System.arraycopy(b, bOff + p * ldb + j, pb, p * width, width);
                }
                for (int r = 0; r < mb / ROWS; r++) {
                    int at = cOff + (i0 + r * ROWS) * ldc + j;
                    if (width == PANEL) {
                        tile4x3(k, pa, r * k * ROWS, 1, ROWS, pb, 0, PANEL, c, at, ldc);
                    } else {
                        tile4x2(k, pa, r * k * ROWS, 1, ROWS, pb, 0, width, c, at, ldc);
                    }
                }
                j += width;
            }
        }
    }

    /**
     * Where the 3L-wide panels end: at the last multiple of 3L, or one panel earlier when that would leave a single
     * vector, so that the rest is two 2-vector tiles instead of a 1-vector tile (N = 128 = 4*24 + 2*16).
     */
    private static int panelEnd(int n) {
        int end = n - n % PANEL;
        return n % PANEL == LANES && end >= PANEL ? end - PANEL : end;
    }

    /** Where the 2L-wide panels after {@code panelEnd} end. */
    private static int pairEnd(int n, int panelEnd) {
        return panelEnd + (n - panelEnd) / (2 * LANES) * 2 * LANES;
    }

    private static void block(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff,
                              int ldb, float[] c, int cOff, int ldc) {
        int panelEnd = panelEnd(n);
        int pairEnd = pairEnd(n, panelEnd);
        int vectorEnd = n - n % LANES;
        int rowEnd = m - m % ROWS;
        // c is (M, N): panels of 3L columns, then pairs of vectors, then single vectors, then scalar columns; rows in
        // fours, then singly
        for (int j = 0; j < panelEnd; j += PANEL) {
            for (int i = 0; i < rowEnd; i += ROWS) {
                tile4x3(k, a, aOff + i * aRow, aRow, aCol, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc);
            }
            for (int i = rowEnd; i < m; i++) {
                tile1x3(k, a, aOff + i * aRow, aCol, b, bOff + j, ldb, c, cOff + i * ldc + j);
            }
        }
        for (int j = panelEnd; j < pairEnd; j += 2 * LANES) {
            for (int i = 0; i < rowEnd; i += ROWS) {
                tile4x2(k, a, aOff + i * aRow, aRow, aCol, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc);
            }
            for (int i = rowEnd; i < m; i++) {
                tile1x1(k, a, aOff + i * aRow, aCol, b, bOff + j, ldb, c, cOff + i * ldc + j);
                tile1x1(k, a, aOff + i * aRow, aCol, b, bOff + j + LANES, ldb, c, cOff + i * ldc + j + LANES);
            }
        }
        for (int j = pairEnd; j < vectorEnd; j += LANES) {
            for (int i = 0; i < rowEnd; i += ROWS) {
                tile4x1(k, a, aOff + i * aRow, aRow, aCol, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc);
            }
            for (int i = rowEnd; i < m; i++) {
                tile1x1(k, a, aOff + i * aRow, aCol, b, bOff + j, ldb, c, cOff + i * ldc + j);
            }
        }
        for (int j = vectorEnd; j < n; j++) {
            for (int i = 0; i < m; i++) {
                int ai = aOff + i * aRow;
                int bj = bOff + j;
                float sum = c[cOff + i * ldc + j];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[ai + p * aCol], b[bj + p * ldb], sum);
                }
                c[cOff + i * ldc + j] = sum;
            }
        }
    }

    private static void tile4x3(int k, float[] a, int a0, int aRow, int aCol, float[] b, int b0, int ldb,
                                float[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00 = fromArray(SPECIES, c, c0), s01 = fromArray(SPECIES, c, c0 + LANES), s02 = fromArray(SPECIES, c, c0 + 2 * LANES);
        FloatVector s10 = fromArray(SPECIES, c, c1), s11 = fromArray(SPECIES, c, c1 + LANES), s12 = fromArray(SPECIES, c, c1 + 2 * LANES);
        FloatVector s20 = fromArray(SPECIES, c, c2), s21 = fromArray(SPECIES, c, c2 + LANES), s22 = fromArray(SPECIES, c, c2 + 2 * LANES);
        FloatVector s30 = fromArray(SPECIES, c, c3), s31 = fromArray(SPECIES, c, c3 + LANES), s32 = fromArray(SPECIES, c, c3 + 2 * LANES);
        int a1 = a0 + aRow;
        int a2 = a1 + aRow;
        int a3 = a2 + aRow;
        // per p: b row p (3 vectors) times a(i..i+3, p) broadcast
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            int ap = p * aCol;
            FloatVector b0v = fromArray(SPECIES, b, bp);
            FloatVector b1v = fromArray(SPECIES, b, bp + LANES);
            FloatVector b2v = fromArray(SPECIES, b, bp + 2 * LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + ap]);
            s00 = b0v.fma(x, s00);
            s01 = b1v.fma(x, s01);
            s02 = b2v.fma(x, s02);
            x = FloatVector.broadcast(SPECIES, a[a1 + ap]);
            s10 = b0v.fma(x, s10);
            s11 = b1v.fma(x, s11);
            s12 = b2v.fma(x, s12);
            x = FloatVector.broadcast(SPECIES, a[a2 + ap]);
            s20 = b0v.fma(x, s20);
            s21 = b1v.fma(x, s21);
            s22 = b2v.fma(x, s22);
            x = FloatVector.broadcast(SPECIES, a[a3 + ap]);
            s30 = b0v.fma(x, s30);
            s31 = b1v.fma(x, s31);
            s32 = b2v.fma(x, s32);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + LANES);
        s02.intoArray(c, c0 + 2 * LANES);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + LANES);
        s12.intoArray(c, c1 + 2 * LANES);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + LANES);
        s22.intoArray(c, c2 + 2 * LANES);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + LANES);
        s32.intoArray(c, c3 + 2 * LANES);
    }

    private static void tile4x2(int k, float[] a, int a0, int aRow, int aCol, float[] b, int b0, int ldb,
                                float[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00 = fromArray(SPECIES, c, c0), s01 = fromArray(SPECIES, c, c0 + LANES);
        FloatVector s10 = fromArray(SPECIES, c, c1), s11 = fromArray(SPECIES, c, c1 + LANES);
        FloatVector s20 = fromArray(SPECIES, c, c2), s21 = fromArray(SPECIES, c, c2 + LANES);
        FloatVector s30 = fromArray(SPECIES, c, c3), s31 = fromArray(SPECIES, c, c3 + LANES);
        // per p: b row p (2 vectors) times a(i..i+3, p) broadcast
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            int ap = a0 + p * aCol;
            FloatVector b0v = fromArray(SPECIES, b, bp);
            FloatVector b1v = fromArray(SPECIES, b, bp + LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, a[ap]);
            s00 = b0v.fma(x, s00);
            s01 = b1v.fma(x, s01);
            x = FloatVector.broadcast(SPECIES, a[ap + aRow]);
            s10 = b0v.fma(x, s10);
            s11 = b1v.fma(x, s11);
            x = FloatVector.broadcast(SPECIES, a[ap + 2 * aRow]);
            s20 = b0v.fma(x, s20);
            s21 = b1v.fma(x, s21);
            x = FloatVector.broadcast(SPECIES, a[ap + 3 * aRow]);
            s30 = b0v.fma(x, s30);
            s31 = b1v.fma(x, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + LANES);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + LANES);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + LANES);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + LANES);
    }

    private static void tile1x3(int k, float[] a, int a0, int aCol, float[] b, int b0, int ldb, float[] c, int c0) {
        FloatVector s0 = fromArray(SPECIES, c, c0), s1 = fromArray(SPECIES, c, c0 + LANES), s2 = fromArray(SPECIES, c, c0 + 2 * LANES);
        // per p: b row p (3 vectors) times a(i, p)
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + p * aCol]);
            s0 = fromArray(SPECIES, b, bp).fma(x, s0);
            s1 = fromArray(SPECIES, b, bp + LANES).fma(x, s1);
            s2 = fromArray(SPECIES, b, bp + 2 * LANES).fma(x, s2);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + LANES);
        s2.intoArray(c, c0 + 2 * LANES);
    }

    private static void tile4x1(int k, float[] a, int a0, int aRow, int aCol, float[] b, int b0, int ldb,
                                float[] c, int c0, int ldc) {
        FloatVector s0 = fromArray(SPECIES, c, c0), s1 = fromArray(SPECIES, c, c0 + ldc), s2 = fromArray(SPECIES, c, c0 + 2 * ldc), s3 = fromArray(SPECIES, c, c0 + 3 * ldc);
        // per p: one vector of b row p times a(i..i+3, p)
        for (int p = 0; p < k; p++) {
            FloatVector bv = fromArray(SPECIES, b, b0 + p * ldb);
            int ap = a0 + p * aCol;
            s0 = bv.fma(FloatVector.broadcast(SPECIES, a[ap]), s0);
            s1 = bv.fma(FloatVector.broadcast(SPECIES, a[ap + aRow]), s1);
            s2 = bv.fma(FloatVector.broadcast(SPECIES, a[ap + 2 * aRow]), s2);
            s3 = bv.fma(FloatVector.broadcast(SPECIES, a[ap + 3 * aRow]), s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + ldc);
        s2.intoArray(c, c0 + 2 * ldc);
        s3.intoArray(c, c0 + 3 * ldc);
    }

    private static void tile1x1(int k, float[] a, int a0, int aCol, float[] b, int b0, int ldb, float[] c, int c0) {
        FloatVector s = fromArray(SPECIES, c, c0);
        // per p: one vector of b row p times a(i, p)
        for (int p = 0; p < k; p++) {
            s = fromArray(SPECIES, b, b0 + p * ldb).fma(FloatVector.broadcast(SPECIES, a[a0 + p * aCol]), s);
        }
        s.intoArray(c, c0);
    }
}
