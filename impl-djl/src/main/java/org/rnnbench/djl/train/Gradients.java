package org.rnnbench.djl.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.djl.nn.Nd;

/**
 * Reading and clearing the gradients that libtorch accumulates in the parameters.
 *
 * <p>libtorch adds every backward's gradient to what is there (DJL's gradient collector does not clear it in
 * 0.36), so every backward is followed by {@link #zero}. Each {@code getGradient()} is a new native handle that
 * belongs to the parameter's manager: the handles are moved into the caller's scope.
 */
public final class Gradients {
    private Gradients() {
    }

    /** The gradient of each parameter, in order, as arrays of {@code scope}. */
    public static List<NDArray> of(NDManager scope, Collection<NDArray> parameters) {
        List<NDArray> grads = new ArrayList<>(parameters.size());
        for (NDArray p : parameters) {
            grads.add(Nd.scoped(scope, p.getGradient()));
        }
        return grads;
    }

    /** The gradients as canonical tensors. */
    public static CanonicalWeights canonical(NDManager scope, ParameterLayout layout, Map<String, NDArray> parameters) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        parameters.forEach((name, p) -> map.put(name, new Tensor(name, layout.get(name).shape(),
            Nd.scoped(scope, p.getGradient()).toFloatArray())));
        return new CanonicalWeights(layout, map);
    }

    /**
     * Sets every parameter's gradient to zero in place (libtorch {@code grad.zero_()}, which also clears NaN).
     * DJL's {@code GradientCollector.zeroGradients()} is not used: it visits every array of the JVM and leaks two
     * native handles per parameter per call.
     */
    public static void zero(Collection<NDArray> parameters) {
        for (NDArray p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p);
        }
    }
}
