package org.rnnbench.harness.plan;

import java.util.List;

/**
 * A named set of run units: one or more matrices.
 *
 * @param name        the name used with {@code run --suite} and as the results directory's name
 * @param description one line: what it runs and how long it takes
 * @param matrices    the units
 */
public record Suite(String name, String description, List<Matrix> matrices) {

    /** Copies the list. */
    public Suite {
        matrices = List.copyOf(matrices);
    }

    /** The same suite restricted to other backends. */
    public Suite withBackends(List<String> backends) {
        return new Suite(name, description, matrices.stream().map(m -> m.withBackends(backends)).toList());
    }
}
