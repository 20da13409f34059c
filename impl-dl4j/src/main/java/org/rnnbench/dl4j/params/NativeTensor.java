package org.rnnbench.dl4j.params;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One native parameter array and the number of canonical tensors it stands for: 2 for a folded bias
 * {@code b = b_ih + b_hh}, else 1. PyTorch updates {@code b_ih} and {@code b_hh} separately with the same gradient,
 * so their sum moves {@code copies} times as far as one of them, and the gradient counts {@code copies} times in
 * the global norm; {@link Updater} does both.
 *
 * @param name   the native name (a DL4J parameter key such as {@code 0_RW}, or a SameDiff variable name)
 * @param array  the parameter itself (updated in place)
 * @param copies 1, or 2 for a folded bias
 */
public record NativeTensor(String name, INDArray array, int copies) {
}
