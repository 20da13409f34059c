package org.rnnbench.djl.nn;

import ai.djl.ndarray.NDManager;
import org.rnnbench.core.spec.CellSpec;

/**
 * How the recurrent stacks of a model are computed: DJL's fused blocks, or cells unrolled from NDArray ops. The
 * minimal cells, which have no fused kernel, are a {@link MinimalStack} of either kind.
 */
public enum StackKind {
    /** {@link FusedStack}: libtorch's fused RNN, LSTM and GRU kernels through DJL's recurrent blocks. */
    FUSED,
    /** {@link UnrolledStack}: every cell step built from NDArray operations. */
    UNROLLED;

    /** A new stack of this kind whose parameters live in {@code manager}. */
    public RecurrentStack create(NDManager manager, CellSpec cell) {
        if (!cell.cell().hasRecurrentWeights()) {
            return new MinimalStack(manager, cell);
        }
        return this == FUSED ? new FusedStack(manager, cell) : new UnrolledStack(manager, cell);
    }
}
