package org.rnnbench.dl4j.params;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.Tensor;

/** All of a model's native parameters, bound to its canonical layout. */
public final class ParameterBindings {
    private final ParameterLayout layout;
    private final List<Binding> bindings;
    private final List<NativeTensor> tensors = new ArrayList<>();

    /** @throws IllegalStateException when the bindings do not cover the layout exactly (a bug, not a user error) */
    public ParameterBindings(ParameterLayout layout, List<Binding> bindings) {
        this.layout = layout;
        this.bindings = List.copyOf(bindings);
        for (Binding b : bindings) {
            tensors.addAll(b.tensors());
        }
        Map<String, Tensor> probe = new HashMap<>();
        for (Binding b : bindings) {
            b.store(probe);
        }
        try {
            layout.check(probe, "the native bindings");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The canonical layout. */
    public ParameterLayout layout() {
        return layout;
    }

    /**
     * Writes canonical weights into the native arrays.
     *
     * @throws IllegalArgumentException when the weights do not fit the layout
     */
    public void load(CanonicalWeights weights) {
        layout.check(weights.asMap(), "the imported weights");
        for (Binding b : bindings) {
            b.load(weights);
        }
    }

    /** The native arrays as canonical weights. */
    public CanonicalWeights store() {
        Map<String, Tensor> out = new HashMap<>();
        for (Binding b : bindings) {
            b.store(out);
        }
        return new CanonicalWeights(layout, out);
    }

    /** Native gradients (by native name; a missing one is zero) as canonical gradients. */
    public CanonicalWeights gradients(Map<String, INDArray> nativeGradients) {
        Map<String, Tensor> out = new HashMap<>();
        for (Binding b : bindings) {
            b.storeGradients(nativeGradients, out);
        }
        return new CanonicalWeights(layout, out);
    }

    /** The native arrays, in binding order. */
    public List<NativeTensor> tensors() {
        return tensors;
    }

    /** The number of native parameter values. */
    public long nativeCount() {
        long n = 0;
        for (NativeTensor t : tensors) {
            n += t.array().length();
        }
        return n;
    }
}
