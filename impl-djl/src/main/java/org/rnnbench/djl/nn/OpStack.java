package org.rnnbench.djl.nn;

import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.rnnbench.core.spec.CellSpec;

/**
 * A stack built from NDArray operations rather than a libtorch block: it holds one array per tensor of the
 * canonical layout ({@link Nd#canonicalParameters}), so its native count is the canonical one.
 */
abstract class OpStack implements RecurrentStack {
    /** The stack's cell, sizes and layers. */
    protected final CellSpec cell;
    /** The parameters by canonical name, in layout order. */
    protected final Map<String, NDArray> parameters;

    /** A stack whose parameters (zeros) live in {@code manager}. */
    OpStack(NDManager manager, CellSpec cell) {
        this.cell = cell;
        this.parameters = Nd.canonicalParameters(manager, cell);
    }

    @Override
    public final Map<String, NDArray> parameters() {
        return parameters;
    }

    /** The sizes of the arrays held, one per canonical tensor: equal to the canonical count. */
    @Override
    public final long nativeParameterCount() {
        return Nd.size(parameters);
    }
}
