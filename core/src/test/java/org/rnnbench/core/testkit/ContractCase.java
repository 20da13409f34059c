package org.rnnbench.core.testkit;

import org.rnnbench.core.spec.ModelSpec;

/**
 * One model configuration of the contract suite, with a readable name and a seed of its own for weights and
 * batches.
 *
 * @param name  e.g. {@code lstm L2 embed7x4 many-to-one ce}
 * @param model the model spec
 * @param seed  seed for initial weights and batches
 */
public record ContractCase(String name, ModelSpec model, long seed) {

    /** A case named after its spec, seeded from the name. */
    public static ContractCase of(ModelSpec model) {
        String name = model.cell().id() + " L" + model.layers() + " " + model.encoding().id() + " "
            + model.topology().id() + " " + model.loss().id();
        return new ContractCase(name, model, name.hashCode() & 0xffffL);
    }

    @Override
    public String toString() {
        return name;
    }
}
