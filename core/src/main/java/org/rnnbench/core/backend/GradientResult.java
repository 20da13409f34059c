package org.rnnbench.core.backend;

import org.rnnbench.core.weights.CanonicalWeights;

/**
 * The loss of a batch and its gradient with respect to every canonical parameter.
 *
 * @param loss      the batch loss
 * @param gradients dL/dp for every parameter p, in the canonical layout (for a framework with one bias per gate,
 *                  the gradients of bias_ih and bias_hh are equal)
 */
public record GradientResult(double loss, CanonicalWeights gradients) {
}
