package org.rnnbench.core.backend;

/**
 * The loss of a batch and the head's raw outputs.
 *
 * @param loss    the batch loss as {@link org.rnnbench.core.spec.LossType} defines it
 * @param outputs (B, T_out, O) raw head outputs (logits for the cross-entropies), row-major
 */
public record ForwardResult(double loss, float[] outputs) {
}
