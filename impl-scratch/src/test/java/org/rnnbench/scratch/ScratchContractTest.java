package org.rnnbench.scratch;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.testkit.ContractSuite;

/** The scratch backend against the contract suite and its double-precision reference, on one thread. */
class ScratchContractTest extends ContractSuite {
    @Override
    protected Backend backend() {
        return new ScratchBackend();
    }
}
