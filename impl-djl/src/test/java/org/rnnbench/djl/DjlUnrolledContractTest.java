package org.rnnbench.djl;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.testkit.ContractSuite;

/** The contract suite on {@code djl:unrolled} (cells from NDArray operations). */
class DjlUnrolledContractTest extends ContractSuite {
    @Override
    protected Backend backend() {
        return new DjlUnrolledBackend();
    }
}
