package org.rnnbench.djl;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.testkit.ContractSuite;

/** The contract suite on {@code djl} (fused blocks). */
class DjlContractTest extends ContractSuite {
    @Override
    protected Backend backend() {
        return new DjlBackend();
    }
}
