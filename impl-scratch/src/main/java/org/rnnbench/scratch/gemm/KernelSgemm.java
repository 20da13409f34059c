package org.rnnbench.scratch.gemm;

import java.util.Arrays;

import org.rnnbench.core.backend.Sgemm;

/**
 * A {@link GemmNN} kernel as the SPI's {@link Sgemm}: {@code C = A * B} into a C allocated once (zeroed, then
 * accumulated into, as the kernels add to C).
 */
public final class KernelSgemm implements Sgemm {
    /** The kernel's signature, that of {@link GemmNN#fast} and {@link GemmNN#naive}. */
    @FunctionalInterface
    public interface Kernel {
        /** C += A * B. */
        void run(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                 int ldc);
    }

    private final Kernel kernel;

    /** The product of a kernel. */
    public KernelSgemm(Kernel kernel) {
        this.kernel = kernel;
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
                kernel.run(m, n, k, aCopy, 0, k, bCopy, 0, n, c, 0, n);
                return c[c.length - 1];
            }

            @Override
            public void close() {
                // heap arrays only
            }
        };
    }
}
