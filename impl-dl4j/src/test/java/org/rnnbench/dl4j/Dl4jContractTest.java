package org.rnnbench.dl4j;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.testkit.ContractSuite;

/** The core contract suite on backend {@code dl4j}. */
class Dl4jContractTest extends ContractSuite {
    @Override
    protected Backend backend() {
        return new Dl4jBackend();
    }
}
