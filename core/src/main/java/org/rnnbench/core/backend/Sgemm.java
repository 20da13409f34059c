package org.rnnbench.core.backend;

/**
 * A single-precision matrix product {@code C (M, N) = A (M, K) * B (K, N)} as a backend's models compute it (its
 * own kernel, or the vendor BLAS of its library), exposed for measuring the kernels of all backends on the same
 * shapes on one thread, without the measuring code naming any backend's classes.
 */
public interface Sgemm {

    /**
     * Copies row-major A and B into the library once; the returned product computes C on every call.
     *
     * @param a (M, K) row-major
     * @param b (K, N) row-major
     */
    Product prepare(int m, int k, int n, float[] a, float[] b);

    /** Prepared operands; {@link #close} frees what the library holds. */
    interface Product extends AutoCloseable {

        /**
         * Computes C = A * B once and returns a value of the call for a benchmark to consume: an element of C from
         * a Java kernel (whose work the JIT could otherwise drop), the size of C from a native library (whose
         * elements would cost a copy to read).
         */
        float multiply();

        /** Frees the library's arrays. */
        @Override
        void close();
    }
}
