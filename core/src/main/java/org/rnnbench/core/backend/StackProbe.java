package org.rnnbench.core.backend;

import org.rnnbench.core.weights.CanonicalWeights;

/**
 * What a recurrent stack alone computes for one input, for checking backends against each other and against a
 * user's PyTorch model: the outputs, final states, and the gradients of {@code L = 0.5 * sum(output^2)} with
 * respect to the input and every weight. Shapes follow PyTorch with {@code batch_first=True}.
 *
 * @param output        (B, T, H) top layer's hidden state at every step
 * @param hN            (L, B, H) final hidden state of every layer
 * @param cN            (L, B, H) final cell state of every layer for LSTM, otherwise null
 * @param inputGradient (B, T, I) dL/dx
 * @param weightGradients dL/dW for every parameter of the stack, PyTorch names
 */
public record StackProbe(float[] output, float[] hN, float[] cN, float[] inputGradient,
                         CanonicalWeights weightGradients) {
}
