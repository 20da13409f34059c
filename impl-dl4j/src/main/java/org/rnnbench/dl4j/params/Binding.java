package org.rnnbench.dl4j.params;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Tensor;

/** Canonical tensors held by native arrays in some layout, converted both ways. */
public interface Binding {

    /** Writes the canonical values into the native arrays. */
    void load(CanonicalWeights weights);

    /** Adds the canonical tensors this binding holds to {@code out}, read from the native arrays. */
    void store(Map<String, Tensor> out);

    /**
     * Adds the canonical gradients to {@code out}, read from native gradients by native name. A folded bias gives
     * its gradient to both canonical biases (they enter the function as a sum).
     */
    void storeGradients(Map<String, INDArray> nativeGradients, Map<String, Tensor> out);

    /** The native arrays. */
    List<NativeTensor> tensors();
}
