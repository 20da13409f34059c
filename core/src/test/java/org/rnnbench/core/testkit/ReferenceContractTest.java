package org.rnnbench.core.testkit;

import org.rnnbench.core.backend.Backend;

/** The contract suite run against the reference itself: the suite's own consistency check. */
class ReferenceContractTest extends ContractSuite {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
