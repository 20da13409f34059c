package org.rnnbench.dl4j.params;

import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;

/** The checks every stack probe makes on its arguments. */
public final class ProbeArguments {
    private ProbeArguments() {
    }

    /**
     * @throws IllegalArgumentException when the weights are not the stack's layout or the input is not dense of the
     *                                  stack's input width
     */
    public static void check(CellSpec cell, CanonicalWeights weights, Sequences input) {
        ParameterLayout.of(cell).check(weights.asMap(), "the stack weights");
        if (input.isIds() || input.width() != cell.inputSize()) {
            throw new IllegalArgumentException("a stack probe needs dense input of width " + cell.inputSize()
                + ", got " + input);
        }
    }
}
