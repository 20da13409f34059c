package org.rnnbench.scratch.gemm;

import org.rnnbench.scratch.parallel.ParallelTask;
import org.rnnbench.scratch.parallel.Slices;
import org.rnnbench.scratch.parallel.WorkerPool;
import org.rnnbench.scratch.simd.Simd;

/**
 * The products on a {@link WorkerPool}: C is split into contiguous column slices (whole vectors each) or, when
 * it is too narrow, row slices, one per thread. The fast kernels compute every element of C the same way whatever
 * slice it falls in, so 1 and N threads give identical bits. One instance per model; it is its own preallocated
 * task, so a call allocates nothing.
 */
public final class Gemm implements ParallelTask {
    private enum Kind { NN, NP, TN, NT }

    private final WorkerPool pool;
    private Kind kind;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private int aOff;
    private int lda;
    private float[] b;
    private int bOff;
    /** B's row stride, or for {@link Kind#NP} its panel stride. */
    private int ldb;
    private float[] c;
    private int cOff;
    private int ldc;

    /** Products on the threads of {@code pool}. */
    public Gemm(WorkerPool pool) {
        this.pool = pool;
    }

    /** {@code C += A * B}: A (M, K), B (K, N), C (M, N), row-major with the given row strides. */
    public void nn(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c,
                   int cOff, int ldc) {
        dispatch(Kind.NN, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /**
     * {@code C += A * B}: A (M, K), B (K, N) in {@link Panels} layout from bOff with panel stride bPanel, C (M, N).
     */
    public void np(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int bPanel, float[] c,
                   int cOff, int ldc) {
        dispatch(Kind.NP, m, n, k, a, aOff, lda, b, bOff, bPanel, c, cOff, ldc);
    }

    /** {@code C += A^T * B}: A stored (K, M), B (K, N), C (M, N). */
    public void tn(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c,
                   int cOff, int ldc) {
        dispatch(Kind.TN, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** {@code C += A * B^T}: A (M, K), B stored (N, K), C (M, N). */
    public void nt(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c,
                   int cOff, int ldc) {
        dispatch(Kind.NT, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    private void dispatch(Kind kind, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff,
                          int ldb, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        this.kind = kind;
        this.m = m;
        this.n = n;
        this.k = k;
        this.a = a;
        this.aOff = aOff;
        this.lda = lda;
        this.b = b;
        this.bOff = bOff;
        this.ldb = ldb;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        pool.run(this);
        this.a = null;
        this.b = null;
        this.c = null;
    }

    @Override
    public void run(int part, int parts) {
        if (parts == 1) {
            kernel(m, n, 0, 0);
        } else if (n >= 2 * Simd.LANES * parts) {
            int j0 = Slices.start(n, parts, part, Simd.LANES);
            int j1 = Slices.end(n, parts, part, Simd.LANES);
            kernel(m, j1 - j0, 0, j0);
        } else {
            int i0 = Slices.start(m, parts, part, 4);
            int i1 = Slices.end(m, parts, part, 4);
            kernel(i1 - i0, n, i0, 0);
        }
    }

    /** The block of C at rows i0.., columns j0.. of size (rows, cols). */
    private void kernel(int rows, int cols, int i0, int j0) {
        if (rows <= 0 || cols <= 0) {
            return;
        }
        int cAt = cOff + i0 * ldc + j0;
        switch (kind) {
            case NN -> GemmNN.fast(rows, cols, k, a, aOff + i0 * lda, lda, b, bOff + j0, ldb, c, cAt, ldc);
            case NP -> GemmNN.paneled(rows, cols, k, a, aOff + i0 * lda, lda, b, bOff + j0 / Simd.LANES * ldb, ldb,
                c, cAt, ldc);
            case TN -> GemmTN.fast(rows, cols, k, a, aOff + i0, lda, b, bOff + j0, ldb, c, cAt, ldc);
            case NT -> GemmNT.fast(rows, cols, k, a, aOff + i0 * lda, lda, b, bOff + j0 * ldb, ldb, c, cAt, ldc);
            default -> throw new IllegalStateException("unhandled product " + kind);
        }
    }
}
