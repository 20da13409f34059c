package org.rnnbench.scratch.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.scratch.parallel.WorkerPool;
import org.rnnbench.scratch.simd.Simd;

/**
 * Each fast kernel against its naive twin, within float rounding, on shapes that are and are not multiples of the
 * vector length, the 6x2 tile and the K block, with offsets and padded row strides; and the threaded dispatcher on 1
 * and 2 threads against the single-threaded fast kernel, bit for bit; and every {@link Tile}, whichever this machine
 * selects, against the naive twin within rounding and against the 6x2 tile bit for bit.
 */
class GemmTwinsTest {
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 3}, {3, 5, 7}, {4, 24, 8}, {5, 25, 9}, {8, 8, 8}, {4, 17, 1}, {13, 3, 40},
        {2, 50, 300}, {7, 49, 257}, {32, 512, 160}, {33, 517, 161}, {32, 128, 512}, {100, 23, 31}, {6, 100, 513},
        {122, 40, 20}, {125, 33, 9}, {10, 16, 4}, {1, 256, 64}, {3, 200, 70},
    };
    /** Row counts that take every strip mix of every tile: 12s, 8s, one 6, 4s, and a block of 120 and its rest. */
    private static final int[] TILE_ROWS = {4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 30, 32, 34, 36, 38, 64, 126,
        130, 244};

    /** NP is NN with B in {@link Panels} layout, its panel stride passed where the others pass ldb. */
    enum Variant { NN, NP, TN, NT }

    static List<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (int[] s : SHAPES) {
                list.add(Arguments.of(v, s[0], s[1], s[2]));
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("cases")
    void fastKernelEqualsNaiveTwinWithinRounding(Variant v, int m, int n, int k) {
        Operands o = new Operands(v, m, n, k, 42 + m * 31L + n * 7L + k);
        float[] fast = o.c.clone();
        float[] naive = o.c.clone();
        run(v, true, o, fast);
        run(v, false, o, naive);
        float[] bound = o.roundingBound();
        for (int i = 0; i < fast.length; i++) {
            assertTrue(Math.abs(fast[i] - naive[i]) <= bound[i], v + " (" + m + "," + n + "," + k + ") element " + i
                + ": fast " + fast[i] + ", naive " + naive[i] + ", allowed difference " + bound[i]);
        }
        boolean changed = false;
        for (int i = 0; i < fast.length; i++) {
            changed |= fast[i] != o.c[i];
        }
        assertTrue(changed, "the product changed nothing in C");
    }

    static List<Arguments> tileCases() {
        List<Arguments> list = new ArrayList<>();
        for (Tile tile : Tile.values()) {
            for (Variant v : List.of(Variant.NN, Variant.NP, Variant.TN)) {
                for (int m : TILE_ROWS) {
                    list.add(Arguments.of(tile, v, m));
                }
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} {1} m={2}")
    @MethodSource("tileCases")
    void everyTileEqualsTheNaiveTwinAndTheSixRowTileBitForBit(Tile tile, Variant v, int m) {
        int n = 4 * Simd.LANES + 3;
        int k = BroadcastKernel.K_BLOCK + 9;
        Operands o = new Operands(v, m, n, k, 11 + m);
        float[] tiled = o.c.clone();
        float[] six = o.c.clone();
        float[] naive = o.c.clone();
        kernel(tile, o, tiled);
        kernel(Tile.SIX, o, six);
        run(v, false, o, naive);
        float[] bound = o.roundingBound();
        for (int i = 0; i < tiled.length; i++) {
            assertTrue(Math.abs(tiled[i] - naive[i]) <= bound[i], tile + " " + v + " m=" + m + " element " + i
                + ": tile " + tiled[i] + ", naive " + naive[i] + ", allowed difference " + bound[i]);
        }
        assertArrayEquals(six, tiled, tile + " " + v + " m=" + m + " differs from the 6x2 tile");
        assertTrue(!Arrays.equals(o.c, tiled), "the product changed nothing in C");
    }

    static List<Arguments> shapes() {
        List<Arguments> list = new ArrayList<>();
        for (int[] s : SHAPES) {
            list.add(Arguments.of(s[0], s[1], s[2]));
        }
        return list;
    }

    @ParameterizedTest(name = "m={0} n={1} k={2}")
    @MethodSource("shapes")
    void theProductOnAPackedAEqualsTheProductPackingItselfBitForBit(int m, int n, int k) {
        Operands o = new Operands(Variant.NP, m, n, k, 5 + m + n + k);
        float[] own = o.c.clone();
        GemmNN.paneled(m, n, k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, own, o.cOff, o.ldc);
        for (int parts = 1; parts <= 3; parts++) {
            float[] packed = new float[GemmNN.packedSize(m, k) + 1];
            Arrays.fill(packed, Float.NaN);
            for (int part = parts - 1; part >= 0; part--) {
                GemmNN.pack(m, k, o.a, o.aOff, o.lda, packed, part, parts);
            }
            assertTrue(Float.isNaN(packed[packed.length - 1]), "pack wrote past its size");
            float[] c = o.c.clone();
            GemmNN.paneled(m, n, k, o.a, o.aOff, o.lda, packed, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
            assertArrayEquals(own, c, "A packed in " + parts + " part(s) gives other bits (m=" + m + ", n=" + n
                + ", k=" + k + ")");
        }
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("cases")
    void dispatcherOnOneAndTwoThreadsEqualsTheSingleKernel(Variant v, int m, int n, int k) {
        Operands o = new Operands(v, m, n, k, 7 + m + n + k);
        float[] single = o.c.clone();
        run(v, true, o, single);
        for (int threads = 1; threads <= 2; threads++) {
            float[] c = o.c.clone();
            try (WorkerPool pool = new WorkerPool(threads)) {
                Gemm gemm = new Gemm(pool);
                switch (v) {
                    case NN -> gemm.nn(m, n, k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                    case NP -> gemm.np(m, n, k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                    case TN -> gemm.tn(m, n, k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                    case NT -> gemm.nt(m, n, k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                    default -> throw new IllegalStateException();
                }
            }
            assertArrayEquals(single, c, v + " on " + threads + " thread(s) differs from the single kernel");
        }
    }

    /** The blocked kernel with the given tile on the operands of NN, NP or TN. */
    private static void kernel(Tile tile, Operands o, float[] c) {
        switch (o.v) {
            case NN -> BroadcastKernel.run(tile, o.m, o.n, o.k, o.a, o.aOff, o.lda, 1, o.b, o.bOff, o.ldb, Simd.LANES,
                c, o.cOff, o.ldc);
            case NP -> BroadcastKernel.run(tile, o.m, o.n, o.k, o.a, o.aOff, o.lda, 1, o.b, o.bOff, Simd.LANES, o.ldb,
                c, o.cOff, o.ldc);
            case TN -> BroadcastKernel.run(tile, o.m, o.n, o.k, o.a, o.aOff, 1, o.lda, o.b, o.bOff, o.ldb, Simd.LANES,
                c, o.cOff, o.ldc);
            default -> throw new IllegalArgumentException("the blocked kernel does not compute " + o.v);
        }
    }

    private static void run(Variant v, boolean fast, Operands o, float[] c) {
        switch (v) {
            case NN -> {
                if (fast) {
                    GemmNN.fast(o.m, o.n, o.k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                } else {
                    GemmNN.naive(o.m, o.n, o.k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                }
            }
            case NP -> {
                if (fast) {
                    GemmNN.paneled(o.m, o.n, o.k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                } else {
                    GemmNN.naivePaneled(o.m, o.n, o.k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                }
            }
            case TN -> {
                if (fast) {
                    GemmTN.fast(o.m, o.n, o.k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                } else {
                    GemmTN.naive(o.m, o.n, o.k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                }
            }
            case NT -> {
                if (fast) {
                    GemmNT.fast(o.m, o.n, o.k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                } else {
                    GemmNT.naive(o.m, o.n, o.k, o.a, o.aOff, o.lda, o.b, o.bOff, o.ldb, c, o.cOff, o.ldc);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Random operands with offsets and row strides wider than the matrices; A and B stored as the variant says. */
    private static final class Operands {
        final int m;
        final int n;
        final int k;
        final int aOff = 3;
        final int bOff = 5;
        final int cOff = 2;
        final int lda;
        final int ldb;
        final int ldc;
        final float[] a;
        final float[] b;
        final float[] c;
        final Variant v;

        Operands(Variant v, int m, int n, int k, long seed) {
            this.v = v;
            this.m = m;
            this.n = n;
            this.k = k;
            SplittableRandom r = new SplittableRandom(seed);
            boolean aTransposed = v == Variant.TN;
            boolean bTransposed = v == Variant.NT;
            lda = (aTransposed ? m : k) + 2;
            ldb = v == Variant.NP ? Panels.panelStride(k) : (bTransposed ? k : n) + 3;
            ldc = n + 1;
            a = random(r, aOff + (aTransposed ? k : m) * lda);
            b = random(r, bOff + (v == Variant.NP ? Panels.size(k, n) : (bTransposed ? n : k) * ldb));
            c = random(r, cOff + m * ldc);
        }

        private static float[] random(SplittableRandom r, int size) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) {
                x[i] = (float) (2 * r.nextDouble() - 1);
            }
            return x;
        }

        float a(int i, int p) {
            return v == Variant.TN ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        float b(int p, int j) {
            if (v == Variant.NP) {
                return b[bOff + Panels.index(k, p, j)];
            }
            return v == Variant.NT ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        /** Per element of C: 2K float epsilons of |c| + sum |a||b|, the error bound of two K-term float sums. */
        float[] roundingBound() {
            float[] bound = new float[c.length];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double magnitude = Math.abs(c[cOff + i * ldc + j]);
                    for (int p = 0; p < k; p++) {
                        magnitude += Math.abs((double) a(i, p) * b(p, j));
                    }
                    bound[cOff + i * ldc + j] = (float) (2.0 * (k + 1) * Math.ulp(1f) * magnitude);
                }
            }
            return bound;
        }
    }
}
