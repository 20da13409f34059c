package org.rnnbench.scratch.gemm;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The register tiles of {@link BroadcastKernel}'s packed region: R rows of C by 2 vectors, on a packed strip of A
 * (K, R) at a0 (step p, row q at {@code a0 + p*R + q}) and two (K, L) columns of B at b0 and b1. Each keeps its 2R
 * accumulators in registers while p runs over K; the strides are constants, which lets C2 hoist the range checks.
 * Written out per row count because C2 keeps in registers only what it sees as separate locals.
 */
final class PackedTiles {
    private PackedTiles() {
    }

    /** Runs {@code tile} on the strip. */
    static void run(Tile tile, int k, float[] a, int a0, float[] b, int b0, int b1, float[] c, int c0, int ldc) {
        switch (tile) {
            case SIX -> tile6x2(k, a, a0, b, b0, b1, c, c0, ldc);
            case TWELVE -> tile12x2(k, a, a0, b, b0, b1, c, c0, ldc);
            default -> throw new IllegalStateException("no kernel for tile " + tile);
        }
    }

    /** The 12x2 tile: 24 accumulators, for 32 vector registers. */
    static void tile12x2(int k, float[] a, int a0, float[] b, int b0, int b1, float[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        int c8 = c7 + ldc;
        int c9 = c8 + ldc;
        int c10 = c9 + ldc;
        int c11 = c10 + ldc;
        FloatVector s00 = fromArray(SPECIES, c, c0), s01 = fromArray(SPECIES, c, c0 + LANES);
        FloatVector s10 = fromArray(SPECIES, c, c1), s11 = fromArray(SPECIES, c, c1 + LANES);
        FloatVector s20 = fromArray(SPECIES, c, c2), s21 = fromArray(SPECIES, c, c2 + LANES);
        FloatVector s30 = fromArray(SPECIES, c, c3), s31 = fromArray(SPECIES, c, c3 + LANES);
        FloatVector s40 = fromArray(SPECIES, c, c4), s41 = fromArray(SPECIES, c, c4 + LANES);
        FloatVector s50 = fromArray(SPECIES, c, c5), s51 = fromArray(SPECIES, c, c5 + LANES);
        FloatVector s60 = fromArray(SPECIES, c, c6), s61 = fromArray(SPECIES, c, c6 + LANES);
        FloatVector s70 = fromArray(SPECIES, c, c7), s71 = fromArray(SPECIES, c, c7 + LANES);
        FloatVector s80 = fromArray(SPECIES, c, c8), s81 = fromArray(SPECIES, c, c8 + LANES);
        FloatVector s90 = fromArray(SPECIES, c, c9), s91 = fromArray(SPECIES, c, c9 + LANES);
        FloatVector s100 = fromArray(SPECIES, c, c10), s101 = fromArray(SPECIES, c, c10 + LANES);
        FloatVector s110 = fromArray(SPECIES, c, c11), s111 = fromArray(SPECIES, c, c11 + LANES);
        // per p: B row p (2 vectors) times A(i..i+11, p) broadcast; constant strides let C2 hoist the range checks
        for (int p = 0; p < k; p++) {
            int ap = a0 + p * 12;
            FloatVector x0 = fromArray(SPECIES, b, b0 + p * LANES);
            FloatVector x1 = fromArray(SPECIES, b, b1 + p * LANES);
            FloatVector y = FloatVector.broadcast(SPECIES, a[ap]);
            s00 = x0.fma(y, s00);
            s01 = x1.fma(y, s01);
            y = FloatVector.broadcast(SPECIES, a[ap + 1]);
            s10 = x0.fma(y, s10);
            s11 = x1.fma(y, s11);
            y = FloatVector.broadcast(SPECIES, a[ap + 2]);
            s20 = x0.fma(y, s20);
            s21 = x1.fma(y, s21);
            y = FloatVector.broadcast(SPECIES, a[ap + 3]);
            s30 = x0.fma(y, s30);
            s31 = x1.fma(y, s31);
            y = FloatVector.broadcast(SPECIES, a[ap + 4]);
            s40 = x0.fma(y, s40);
            s41 = x1.fma(y, s41);
            y = FloatVector.broadcast(SPECIES, a[ap + 5]);
            s50 = x0.fma(y, s50);
            s51 = x1.fma(y, s51);
            y = FloatVector.broadcast(SPECIES, a[ap + 6]);
            s60 = x0.fma(y, s60);
            s61 = x1.fma(y, s61);
            y = FloatVector.broadcast(SPECIES, a[ap + 7]);
            s70 = x0.fma(y, s70);
            s71 = x1.fma(y, s71);
            y = FloatVector.broadcast(SPECIES, a[ap + 8]);
            s80 = x0.fma(y, s80);
            s81 = x1.fma(y, s81);
            y = FloatVector.broadcast(SPECIES, a[ap + 9]);
            s90 = x0.fma(y, s90);
            s91 = x1.fma(y, s91);
            y = FloatVector.broadcast(SPECIES, a[ap + 10]);
            s100 = x0.fma(y, s100);
            s101 = x1.fma(y, s101);
            y = FloatVector.broadcast(SPECIES, a[ap + 11]);
            s110 = x0.fma(y, s110);
            s111 = x1.fma(y, s111);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + LANES);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + LANES);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + LANES);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + LANES);
        s40.intoArray(c, c4);
        s41.intoArray(c, c4 + LANES);
        s50.intoArray(c, c5);
        s51.intoArray(c, c5 + LANES);
        s60.intoArray(c, c6);
        s61.intoArray(c, c6 + LANES);
        s70.intoArray(c, c7);
        s71.intoArray(c, c7 + LANES);
        s80.intoArray(c, c8);
        s81.intoArray(c, c8 + LANES);
        s90.intoArray(c, c9);
        s91.intoArray(c, c9 + LANES);
        s100.intoArray(c, c10);
        s101.intoArray(c, c10 + LANES);
        s110.intoArray(c, c11);
        s111.intoArray(c, c11 + LANES);
    }

    /** The 6x2 tile: 12 accumulators, 15 of AVX2's 16 registers (a 4x3 tile needs all 16 and spills). */
    static void tile6x2(int k, float[] a, int a0, float[] b, int b0, int b1, float[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        FloatVector s00 = fromArray(SPECIES, c, c0), s01 = fromArray(SPECIES, c, c0 + LANES);
        FloatVector s10 = fromArray(SPECIES, c, c1), s11 = fromArray(SPECIES, c, c1 + LANES);
        FloatVector s20 = fromArray(SPECIES, c, c2), s21 = fromArray(SPECIES, c, c2 + LANES);
        FloatVector s30 = fromArray(SPECIES, c, c3), s31 = fromArray(SPECIES, c, c3 + LANES);
        FloatVector s40 = fromArray(SPECIES, c, c4), s41 = fromArray(SPECIES, c, c4 + LANES);
        FloatVector s50 = fromArray(SPECIES, c, c5), s51 = fromArray(SPECIES, c, c5 + LANES);
        // per p: B row p (2 vectors) times A(i..i+5, p) broadcast; constant strides let C2 hoist the range checks
        for (int p = 0; p < k; p++) {
            int ap = a0 + p * 6;
            FloatVector x0 = fromArray(SPECIES, b, b0 + p * LANES);
            FloatVector x1 = fromArray(SPECIES, b, b1 + p * LANES);
            FloatVector y = FloatVector.broadcast(SPECIES, a[ap]);
            s00 = x0.fma(y, s00);
            s01 = x1.fma(y, s01);
            y = FloatVector.broadcast(SPECIES, a[ap + 1]);
            s10 = x0.fma(y, s10);
            s11 = x1.fma(y, s11);
            y = FloatVector.broadcast(SPECIES, a[ap + 2]);
            s20 = x0.fma(y, s20);
            s21 = x1.fma(y, s21);
            y = FloatVector.broadcast(SPECIES, a[ap + 3]);
            s30 = x0.fma(y, s30);
            s31 = x1.fma(y, s31);
            y = FloatVector.broadcast(SPECIES, a[ap + 4]);
            s40 = x0.fma(y, s40);
            s41 = x1.fma(y, s41);
            y = FloatVector.broadcast(SPECIES, a[ap + 5]);
            s50 = x0.fma(y, s50);
            s51 = x1.fma(y, s51);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + LANES);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + LANES);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + LANES);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + LANES);
        s40.intoArray(c, c4);
        s41.intoArray(c, c4 + LANES);
        s50.intoArray(c, c5);
        s51.intoArray(c, c5 + LANES);
    }

    /**
     * The tile of the last rows: 8 accumulators. Kept apart from the strided 4x2 edge tile for its constant
     * strides: on 8x160x512 (all 4-row strips) it ran at 61-67 GFLOP/s in its fastest samples, the strided one at
     * 47-53.
     */
    static void tile4x2(int k, float[] a, int a0, float[] b, int b0, int b1, float[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00 = fromArray(SPECIES, c, c0), s01 = fromArray(SPECIES, c, c0 + LANES);
        FloatVector s10 = fromArray(SPECIES, c, c1), s11 = fromArray(SPECIES, c, c1 + LANES);
        FloatVector s20 = fromArray(SPECIES, c, c2), s21 = fromArray(SPECIES, c, c2 + LANES);
        FloatVector s30 = fromArray(SPECIES, c, c3), s31 = fromArray(SPECIES, c, c3 + LANES);
        // per p: B row p (2 vectors) times A(i..i+3, p) broadcast; constant strides let C2 hoist the range checks
        for (int p = 0; p < k; p++) {
            int ap = a0 + p * 4;
            FloatVector x0 = fromArray(SPECIES, b, b0 + p * LANES);
            FloatVector x1 = fromArray(SPECIES, b, b1 + p * LANES);
            FloatVector y = FloatVector.broadcast(SPECIES, a[ap]);
            s00 = x0.fma(y, s00);
            s01 = x1.fma(y, s01);
            y = FloatVector.broadcast(SPECIES, a[ap + 1]);
            s10 = x0.fma(y, s10);
            s11 = x1.fma(y, s11);
            y = FloatVector.broadcast(SPECIES, a[ap + 2]);
            s20 = x0.fma(y, s20);
            s21 = x1.fma(y, s21);
            y = FloatVector.broadcast(SPECIES, a[ap + 3]);
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
}
