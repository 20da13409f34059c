package org.rnnbench.core.weights;

import java.util.function.DoubleSupplier;

/**
 * Random orthogonal matrices: QR of a standard normal matrix by modified Gram-Schmidt in double precision, with
 * the signs fixed so that R has a positive diagonal (the Haar measure, as PyTorch's {@code orthogonal_}).
 */
final class Orthogonal {
    private Orthogonal() {
    }

    /** An n x n orthogonal matrix, row-major. */
    static float[] random(int n, DoubleSupplier normal) {
        // a is (n, n); we orthonormalise its columns
        double[][] cols = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cols[j][i] = normal.getAsDouble();
            }
        }
        for (int j = 0; j < n; j++) {
            double[] v = cols[j];
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += cols[k][i] * v[i];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * cols[k][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i] /= norm; // R's diagonal is +norm, so the sign is already positive
            }
        }
        float[] q = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i * n + j] = (float) cols[j][i];
            }
        }
        return q;
    }
}
