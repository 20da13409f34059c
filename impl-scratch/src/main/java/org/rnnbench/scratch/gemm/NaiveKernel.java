package org.rnnbench.scratch.gemm;

/**
 * The naive twin of all three products: a plain triple loop {@code C(i, j) += sum_p A(i, p) * B(p, j)} over
 * strided operands, {@code A(i, p) = a[aOff + i*aRow + p*aCol]} and {@code B(p, j) = b[bOff + p*bRow + j*bCol]}.
 * The fast kernels are tested against it.
 */
final class NaiveKernel {
    private NaiveKernel() {
    }

    static void run(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int bRow,
                    int bCol, float[] c, int cOff, int ldc) {
        // a is (M, K), b is (K, N), c is (M, N), through the strides
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                }
                c[cOff + i * ldc + j] += sum;
            }
        }
    }
}
