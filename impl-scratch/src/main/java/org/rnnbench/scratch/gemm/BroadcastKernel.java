package org.rnnbench.scratch.gemm;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The register-blocked kernel behind {@link GemmNN} and {@link GemmTN}: {@code C += A * B} with A read through
 * strides, {@code A(i, p) = a[aOff + i*aRow + p*aCol]} (A stored (M, K) or transposed (K, M)), and B read through
 * a row stride and a panel stride, {@code B(p, j) = b[bOff + p*bRow + (j/L)*bPanel + j%L]}: row-major B has
 * {@code bPanel = L}; B in {@link Panels} layout has {@code bRow = L} and {@code bPanel = K*L}.
 *
 * <p>A {@link Tile} of R rows by 2 vectors of C stays in 2R registers while p runs over K: each step loads 2 vectors of
 * B, broadcasts R values of A and issues 2R fused multiply-adds ({@link PackedTiles}); R is 6 on AVX2's 16 vector
 * registers and 12 on AVX-512's 32. Rows are covered by strips of R, then at most one of 6, then of 4 (M = 32 = 4*6 +
 * 2*4 = 2*12 + 2*4); the remaining edges use 4x2, 1x2, 4x1 and 1x1 tiles reading the operands in place, and scalar
 * columns; a product of fewer than 4 rows on B in panels (batch 1) uses 1x8 tiles, whose 8 accumulators hide the FMA
 * latency. Every element of C is the same chain {@code c = fma(a_p, b_p, c)} for p = 0..K-1 whatever tile computes it,
 * so results do not depend on how C is split between threads.
 *
 * <p>Blocking: K is cut into blocks of {@link #K_BLOCK} and the rows into blocks of {@link #M_BLOCK}. The block of
 * A is packed into strips (K_BLOCK x 6 or x 4 contiguous), which also lets C2 drop the range checks of the inner
 * loop (constant strides); a row-major B is packed one
 * 2-vector panel at a time into two contiguous K_BLOCK x L columns, so that the tiles read dense streams that stay
 * in L1 and L2 whatever the strides (a row stride of 2 KB, as in a 512-wide matrix, would otherwise map a panel onto
 * a few cache sets). B already in panel layout is read in place. Packing buffers are per thread and allocated once.
 */
final class BroadcastKernel {
    /** Steps of K per pass over C. */
    static final int K_BLOCK = 256;
    /** Rows of A packed at a time (a multiple of every tile's rows). */
    static final int M_BLOCK = 120;
    private static final int PAIR = 2 * LANES;
    /** Per thread: the packed block of A (M_BLOCK x K_BLOCK) and the packed panel pair of B (2 x K_BLOCK x L). */
    private static final ThreadLocal<float[][]> PACKS = ThreadLocal.withInitial(
        () -> new float[][] {new float[M_BLOCK * K_BLOCK], new float[K_BLOCK * PAIR]});

    private BroadcastKernel() {
    }

    static void run(Tile tile, int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff,
                    int bRow, int bPanel, float[] c, int cOff, int ldc) {
        run(tile, m, n, k, a, aOff, aRow, aCol, null, b, bOff, bRow, bPanel, c, cOff, ldc);
    }

    /**
     * The product with A's main rows already packed by {@link #packAll} into {@code packedA} (with the same tile,
     * M and K), or packed here when it is null. A itself is still read for the rows and columns at the edges.
     */
    static void run(Tile tile, int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] packedA,
                    float[] b, int bOff, int bRow, int bPanel, float[] c, int cOff, int ldc) {
        int rowEnd = mainRows(m);
        int pairEnd = n - n % PAIR;
        boolean main = pairEnd > 0 && rowEnd > 0;
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int kb = Math.min(K_BLOCK, k - p0);
            int aK = aOff + p0 * aCol;
            int bK = bOff + p0 * bRow;
            if (!main) {
                block(m, n, kb, a, aK, aRow, aCol, b, bK, bRow, bPanel, c, cOff, ldc);
                continue;
            }
            packed(tile, rowEnd, pairEnd, kb, a, aK, aRow, aCol, packedA, p0 * rowEnd, b, bK, bRow, bPanel, c, cOff,
                ldc);
            block(m - rowEnd, n, kb, a, aK + rowEnd * aRow, aRow, aCol, b, bK, bRow, bPanel, c, cOff + rowEnd * ldc,
                ldc);
            block(rowEnd, n - pairEnd, kb, a, aK, aRow, aCol, b, bK + pairEnd / LANES * bPanel, bRow, bPanel, c,
                cOff + pairEnd, ldc);
        }
    }

    /** The rows of the main region: even, and at least 4 (every such count is a sum of sixes and fours). */
    private static int mainRows(int m) {
        int end = m - m % 2;
        return end >= 4 ? end : 0;
    }

    /** Floats {@link #packAll} writes for an A of (M, K). */
    static int packedSize(int m, int k) {
        return mainRows(m) * k;
    }

    /**
     * Packs the main rows of A, all K blocks, into {@code pa} for {@link #run} with a packed A: block (p0, i0) of
     * (kb, mb) at {@code p0*rowEnd + i0*kb}, its strips as {@link #packA} writes them. Part {@code part} of
     * {@code parts} packs every parts-th strip, so that the threads of a pool share the work; {@code pa} is
     * complete when every part has returned.
     */
    static void packAll(Tile tile, int m, int k, float[] a, int aOff, int aRow, int aCol, float[] pa, int part,
                        int parts) {
        int rowEnd = mainRows(m);
        int unit = 0;
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int kb = Math.min(K_BLOCK, k - p0);
            for (int i0 = 0, mb; i0 < rowEnd; i0 += mb) {
                mb = blockRows(rowEnd, i0);
                unit = packBlock(tile, mb, kb, a, aOff + p0 * aCol + i0 * aRow, aRow, aCol, pa, p0 * rowEnd + i0 * kb,
                    unit, part, parts);
            }
        }
    }

    /** Rows of the block of A that starts at row i0 of a main region of m rows. */
    private static int blockRows(int m, int i0) {
        int mb = Math.min(M_BLOCK, m - i0);
        // leave 6 rows for the last block, not 2
        return m - i0 - mb == 2 ? mb - 4 : mb;
    }

    /** The first row after the strips of the tile and the one strip of 6 (if any) of a block of mb rows. */
    private static int sixEnd(Tile tile, int mb) {
        int main = tile.mainRows(mb);
        return main + ((mb - main) % 4 == 2 ? 6 : 0);
    }

    /**
     * Packs the strips of a block of mb rows (the tile's, then a 6, then fours) from {@code to}, those whose number
     * (counted from {@code unit}) is part modulo parts; returns the number after the block's last strip.
     */
    private static int packBlock(Tile tile, int mb, int k, float[] a, int aOff, int aRow, int aCol, float[] pa,
                                 int to, int unit, int part, int parts) {
        int main = tile.mainRows(mb);
        int six = sixEnd(tile, mb);
        int rows = tile.rows;
        packA(main, rows, k, a, aOff, aRow, aCol, pa, to, unit, part, parts);
        int next = unit + main / rows;
        packA(six - main, 6, k, a, aOff + main * aRow, aRow, aCol, pa, to + main * k, next, part, parts);
        next += (six - main) / 6;
        packA(mb - six, 4, k, a, aOff + six * aRow, aRow, aCol, pa, to + six * k, next, part, parts);
        return next + (mb - six) / 4;
    }

    /**
     * The main region: an even number of rows, in strips of the tile's rows, then at most one of 6, then of 4, and
     * columns a multiple of 2L. A is packed; B is packed one panel pair at a time when row-major and read in place
     * when in panel layout.
     */
    private static void packed(Tile tile, int m, int pairEnd, int k, float[] a, int aOff, int aRow, int aCol,
                               float[] shared, int sharedOff, float[] b, int bOff, int bRow, int bPanel, float[] c,
                               int cOff, int ldc) {
        float[][] packs = PACKS.get();
        float[] pa = shared == null ? packs[0] : shared;
        float[] pb = packs[1];
        boolean packB = bRow != LANES;
        for (int i0 = 0, mb; i0 < m; i0 += mb) {
            mb = blockRows(m, i0);
            int main = tile.mainRows(mb);
            int six = sixEnd(tile, mb);
            int rows = tile.rows;
            int base = 0;
            if (shared == null) {
                packBlock(tile, mb, k, a, aOff + i0 * aRow, aRow, aCol, pa, 0, 0, 0, 1);
            } else {
                base = sharedOff + i0 * k;
            }
            for (int j = 0; j < pairEnd; j += PAIR) {
                float[] tb = b;
                int b0 = bOff + j / LANES * bPanel;
                int b1 = b0 + bPanel;
                if (packB) {
                    // pb holds the panel pair of B as two (K, L) columns
                    for (int p = 0; p < k; p++) {
                        fromArray(SPECIES, b, bOff + p * bRow + j).intoArray(pb, p * LANES);
                        fromArray(SPECIES, b, bOff + p * bRow + j + LANES).intoArray(pb, (k + p) * LANES);
                    }
                    tb = pb;
                    b0 = 0;
                    b1 = k * LANES;
                }
                int at = cOff + i0 * ldc + j;
                for (int i = 0; i < main; i += rows) {
                    PackedTiles.run(tile, k, pa, base + i * k, tb, b0, b1, c, at + i * ldc, ldc);
                }
                if (six > main) {
                    PackedTiles.tile6x2(k, pa, base + main * k, tb, b0, b1, c, at + main * ldc, ldc);
                }
                for (int i = six; i < mb; i += 4) {
                    PackedTiles.tile4x2(k, pa, base + i * k, tb, b0, b1, c, at + i * ldc, ldc);
                }
            }
        }
    }

    /**
     * Packs rows [0, m) of A into m/w strips of (K, w) from {@code to}: strip r, step p, row q at
     * {@code to + (r*K + p)*w + q}; only the strips r with {@code (unit + r) % parts == part}. The loops follow A's
     * storage, so that it is read sequentially: along K when A is (M, K), along M when A is stored (K, M).
     */
    private static void packA(int m, int w, int k, float[] a, int aOff, int aRow, int aCol, float[] pa, int to,
                              int unit, int part, int parts) {
        int strips = m / w;
        int first = Math.floorMod(part - unit, parts);
        if (aRow == 1) {
            // a is stored (K, M): row p holds A(0.., p)
            for (int p = 0; p < k; p++) {
                int from = aOff + p * aCol;
                for (int r = first; r < strips; r += parts) {
                    int at = to + (r * k + p) * w;
                    for (int q = 0; q < w; q++) {
                        pa[at + q] = a[from + r * w + q];
                    }
                }
            }
            return;
        }
        // a is (M, K) through its strides: row i holds A(i, 0..)
        for (int r = first; r < strips; r += parts) {
            for (int q = 0; q < w; q++) {
                int from = aOff + (r * w + q) * aRow;
                int at = to + r * k * w + q;
                for (int p = 0; p < k; p++) {
                    pa[at + p * w] = a[from + p * aCol];
                }
            }
        }
    }

    private static void block(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff,
                              int bRow, int bPanel, float[] c, int cOff, int ldc) {
        int pairEnd = n - n % PAIR;
        int vectorEnd = n - n % LANES;
        int fourEnd = m - m % 4;
        int start = 0;
        if (bRow == LANES && m < 4) {
            // a matrix-vector product on B in panels (batch 1): 8 vectors of a row of C at a time
            start = n - n % (8 * LANES);
            for (int j = 0; j < start; j += 8 * LANES) {
                for (int i = 0; i < m; i++) {
                    tile1x8(k, a, aOff + i * aRow, aCol, b, bOff + j / LANES * bPanel, bPanel, c, cOff + i * ldc + j);
                }
            }
        }
        // c is (M, N): pairs of vectors, then a single vector, then scalar columns; rows in fours, then singly
        for (int j = start; j < pairEnd; j += PAIR) {
            int bj = bOff + j / LANES * bPanel;
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                strided4x2(k, a, aOff + i * aRow, aRow, aCol, b, bj, bRow, bPanel, c, cOff + i * ldc + j, ldc);
            }
            for (; i < m; i++) {
                tile1x2(k, a, aOff + i * aRow, aCol, b, bj, bRow, bPanel, c, cOff + i * ldc + j);
            }
        }
        for (int j = pairEnd; j < vectorEnd; j += LANES) {
            int bj = bOff + j / LANES * bPanel;
            for (int i = 0; i < fourEnd; i += 4) {
                tile4x1(k, a, aOff + i * aRow, aRow, aCol, b, bj, bRow, c, cOff + i * ldc + j, ldc);
            }
            for (int i = fourEnd; i < m; i++) {
                tile1x1(k, a, aOff + i * aRow, aCol, b, bj, bRow, c, cOff + i * ldc + j);
            }
        }
        for (int j = vectorEnd; j < n; j++) {
            int bj = bOff + j / LANES * bPanel + j % LANES;
            for (int i = 0; i < m; i++) {
                int ai = aOff + i * aRow;
                float sum = c[cOff + i * ldc + j];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[ai + p * aCol], b[bj + p * bRow], sum);
                }
                c[cOff + i * ldc + j] = sum;
            }
        }
    }

    /** A 4x2 tile reading A and B in place through their strides: for products too small to pack. */
    private static void strided4x2(int k, float[] a, int a0, int aRow, int aCol, float[] b, int b0, int bRow,
                                   int bPanel, float[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00 = fromArray(SPECIES, c, c0), s01 = fromArray(SPECIES, c, c0 + LANES);
        FloatVector s10 = fromArray(SPECIES, c, c1), s11 = fromArray(SPECIES, c, c1 + LANES);
        FloatVector s20 = fromArray(SPECIES, c, c2), s21 = fromArray(SPECIES, c, c2 + LANES);
        FloatVector s30 = fromArray(SPECIES, c, c3), s31 = fromArray(SPECIES, c, c3 + LANES);
        // per p: B row p (2 vectors) times A(i..i+3, p) broadcast
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * bRow;
            int ap = a0 + p * aCol;
            FloatVector x0 = fromArray(SPECIES, b, bp);
            FloatVector x1 = fromArray(SPECIES, b, bp + bPanel);
            FloatVector y = FloatVector.broadcast(SPECIES, a[ap]);
            s00 = x0.fma(y, s00);
            s01 = x1.fma(y, s01);
            y = FloatVector.broadcast(SPECIES, a[ap + aRow]);
            s10 = x0.fma(y, s10);
            s11 = x1.fma(y, s11);
            y = FloatVector.broadcast(SPECIES, a[ap + 2 * aRow]);
            s20 = x0.fma(y, s20);
            s21 = x1.fma(y, s21);
            y = FloatVector.broadcast(SPECIES, a[ap + 3 * aRow]);
            s30 = x0.fma(y, s30);
            s31 = x1.fma(y, s31);
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

    private static void tile1x2(int k, float[] a, int a0, int aCol, float[] b, int b0, int bRow, int bPanel,
                                float[] c, int c0) {
        FloatVector s0 = fromArray(SPECIES, c, c0);
        FloatVector s1 = fromArray(SPECIES, c, c0 + LANES);
        // per p: B row p (2 vectors) times A(i, p)
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * bRow;
            FloatVector y = FloatVector.broadcast(SPECIES, a[a0 + p * aCol]);
            s0 = fromArray(SPECIES, b, bp).fma(y, s0);
            s1 = fromArray(SPECIES, b, bp + bPanel).fma(y, s1);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + LANES);
    }

    /**
     * One row of C, 8 vectors wide, on B in panel layout (rows L floats apart): 8 independent accumulators keep
     * both FMA pipes busy where a 1x2 tile would wait on the latency of its two chains.
     */
    private static void tile1x8(int k, float[] a, int a0, int aCol, float[] b, int b0, int bPanel, float[] c,
                                int c0) {
        int b1 = b0 + bPanel;
        int b2 = b1 + bPanel;
        int b3 = b2 + bPanel;
        int b4 = b3 + bPanel;
        int b5 = b4 + bPanel;
        int b6 = b5 + bPanel;
        int b7 = b6 + bPanel;
        FloatVector s0 = fromArray(SPECIES, c, c0), s1 = fromArray(SPECIES, c, c0 + LANES);
        FloatVector s2 = fromArray(SPECIES, c, c0 + 2 * LANES), s3 = fromArray(SPECIES, c, c0 + 3 * LANES);
        FloatVector s4 = fromArray(SPECIES, c, c0 + 4 * LANES), s5 = fromArray(SPECIES, c, c0 + 5 * LANES);
        FloatVector s6 = fromArray(SPECIES, c, c0 + 6 * LANES), s7 = fromArray(SPECIES, c, c0 + 7 * LANES);
        // per p: 8 panels of B at row p times A(i, p)
        for (int p = 0; p < k; p++) {
            FloatVector y = FloatVector.broadcast(SPECIES, a[a0 + p * aCol]);
            int bp = p * LANES;
            s0 = fromArray(SPECIES, b, b0 + bp).fma(y, s0);
            s1 = fromArray(SPECIES, b, b1 + bp).fma(y, s1);
            s2 = fromArray(SPECIES, b, b2 + bp).fma(y, s2);
            s3 = fromArray(SPECIES, b, b3 + bp).fma(y, s3);
            s4 = fromArray(SPECIES, b, b4 + bp).fma(y, s4);
            s5 = fromArray(SPECIES, b, b5 + bp).fma(y, s5);
            s6 = fromArray(SPECIES, b, b6 + bp).fma(y, s6);
            s7 = fromArray(SPECIES, b, b7 + bp).fma(y, s7);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + LANES);
        s2.intoArray(c, c0 + 2 * LANES);
        s3.intoArray(c, c0 + 3 * LANES);
        s4.intoArray(c, c0 + 4 * LANES);
        s5.intoArray(c, c0 + 5 * LANES);
        s6.intoArray(c, c0 + 6 * LANES);
        s7.intoArray(c, c0 + 7 * LANES);
    }

    private static void tile4x1(int k, float[] a, int a0, int aRow, int aCol, float[] b, int b0, int bRow,
                                float[] c, int c0, int ldc) {
        FloatVector s0 = fromArray(SPECIES, c, c0);
        FloatVector s1 = fromArray(SPECIES, c, c0 + ldc);
        FloatVector s2 = fromArray(SPECIES, c, c0 + 2 * ldc);
        FloatVector s3 = fromArray(SPECIES, c, c0 + 3 * ldc);
        // per p: one vector of B row p times A(i..i+3, p)
        for (int p = 0; p < k; p++) {
            FloatVector x = fromArray(SPECIES, b, b0 + p * bRow);
            int ap = a0 + p * aCol;
            s0 = x.fma(FloatVector.broadcast(SPECIES, a[ap]), s0);
            s1 = x.fma(FloatVector.broadcast(SPECIES, a[ap + aRow]), s1);
            s2 = x.fma(FloatVector.broadcast(SPECIES, a[ap + 2 * aRow]), s2);
            s3 = x.fma(FloatVector.broadcast(SPECIES, a[ap + 3 * aRow]), s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + ldc);
        s2.intoArray(c, c0 + 2 * ldc);
        s3.intoArray(c, c0 + 3 * ldc);
    }

    private static void tile1x1(int k, float[] a, int a0, int aCol, float[] b, int b0, int bRow, float[] c, int c0) {
        FloatVector s = fromArray(SPECIES, c, c0);
        // per p: one vector of B row p times A(i, p)
        for (int p = 0; p < k; p++) {
            s = fromArray(SPECIES, b, b0 + p * bRow).fma(FloatVector.broadcast(SPECIES, a[a0 + p * aCol]), s);
        }
        s.intoArray(c, c0);
    }
}
