package org.rnnbench.djl;

import org.rnnbench.djl.nn.StackKind;

/**
 * The backend {@code djl:unrolled}: the same model as {@link DjlBackend} on the same engine, but every cell step is
 * built from NDArray operations (see {@link org.rnnbench.djl.nn.UnrolledStack}), so that fused kernels can be
 * compared with per-op execution. It supports exactly what {@code djl} supports.
 */
public final class DjlUnrolledBackend extends DjlBackend {
    /** The id. */
    public static final String ID = "djl:unrolled";

    /** The unrolled backend. */
    public DjlUnrolledBackend() {
        super(ID, StackKind.UNROLLED);
    }
}
