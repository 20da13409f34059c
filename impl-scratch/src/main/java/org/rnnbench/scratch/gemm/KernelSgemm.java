package org.rnnbench.scratch.gemm;

import java.util.Arrays;

import org.rnnbench.core.backend.Sgemm;

/**
 * A {@link GemmNN} kernel as the SPI's {@link Sgemm}: {@code C = A * B} into a C allocated once (zeroed, then
 * accumulated into, as the kernels add to C). The kernel is called directly (a branch that never changes for a
 * product), not through a functional interface, so that a benchmark measures the call the cells make.
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
        float[] aCopy = a.clone();
        float[] bCopy = b.clone();
        float[] c = new float[m * n];
        return new Product() {
            @Override
            public float multiply() {
                Arrays.fill(c, 0f);
                if (fast) {
                    GemmNN.fast(m, n, k, aCopy, 0, k, bCopy, 0, n, c, 0, n);
                } else {
                    GemmNN.naive(m, n, k, aCopy, 0, k, bCopy, 0, n, c, 0, n);
                }
                return c[c.length - 1];
            }

            @Override
            public void close() {
                // heap arrays only
            }
        };
    }
}
