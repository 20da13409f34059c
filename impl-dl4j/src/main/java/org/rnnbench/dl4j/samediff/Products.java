package org.rnnbench.dl4j.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The one matrix product of the graphs, {@code x w^T}: rows times a weight stored (out, in) as PyTorch does.
 *
 * <p>SameDiff's {@code mmul} backprop fails or is wrong when both operands are a single row (x (1, n) and w (1, n):
 * a batch of one through a hidden or output size of one): {@code matmul_bp} throws "mulRowVector: wrong arguments"
 * or returns wrong gradients. That product is a dot product, written as the sum of elementwise products.
 */
final class Products {
    private Products() {
    }

    /**
     * @param x     (R, n)
     * @param rows  R
     * @param w     (C, n)
     * @param wRows C
     * @return (R, C)
     */
    static SDVariable timesTransposed(SameDiff sd, SDVariable x, long rows, SDVariable w, long wRows) {
        return rows == 1 && wRows == 1 ? x.mul(w).sum(true, 1) : sd.mmul(x, w, false, true, false);
    }
}
