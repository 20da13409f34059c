package org.rnnbench.scratch.gemm;

import java.util.Arrays;

import org.rnnbench.core.backend.Sgemm;

/**
 * A {@link GemmNN} kernel as the SPI's {@link Sgemm}: {@code C = A * B} into a C allocated once (zeroed, then
 * accumulated into, as the kernels add to C). The kernel is called directly, not through a functional interface,
 * so that a benchmark measures the same call as the cells make.
 */
public final class KernelSgemm implements Sgemm {
    private final boolean fast;

    private KernelSgemm(boolean fast) {
        this.fast = fast;
    }

    /** {@link GemmNN#fast}, the register-blocked Vector API kernel. */
    public static KernelSgemm fast() {
        return new KernelSgemm(true);
    }

    /** {@link GemmNN#naive}, its naive twin. */
    public static KernelSgemm naive() {
        return new KernelSgemm(false);
    }

    @Override
    public Product prepare(int m, int k, int n, float[] a, float[] b) {
        return fast ? new FastProduct(m, k, n, a, b) : new NaiveProduct(m, k, n, a, b);
    }

    /** A, B and C of one product. */
    private abstract static class Operands implements Product {
        final int m;
        final int k;
        final int n;
        final float[] a;
        final float[] b;
        final float[] c;

        Operands(int m, int k, int n, float[] a, float[] b) {
            this.m = m;
            this.k = k;
            this.n = n;
            this.a = a.clone();
            this.b = b.clone();
            this.c = new float[m * n];
        }

        @Override
        public void close() {
            // heap arrays only
        }
    }

    private static final class FastProduct extends Operands {
        FastProduct(int m, int k, int n, float[] a, float[] b) {
            super(m, k, n, a, b);
        }

        @Override
        public float multiply() {
            Arrays.fill(c, 0f);
            GemmNN.fast(m, n, k, a, 0, k, b, 0, n, c, 0, n);
            return c[c.length - 1];
        }
    }

    private static final class NaiveProduct extends Operands {
        NaiveProduct(int m, int k, int n, float[] a, float[] b) {
            super(m, k, n, a, b);
        }

        @Override
        public float multiply() {
            Arrays.fill(c, 0f);
            GemmNN.naive(m, n, k, a, 0, k, b, 0, n, c, 0, n);
            return c[c.length - 1];
        }
    }
}
