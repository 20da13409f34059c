package org.rnnbench.core.backend;

/**
 * The loss of a batch and the head's raw outputs.
 *
 * @param loss    the batch loss as {@link org.rnnbench.core.spec.LossType} defines it
 * @param outputs (B, T_out, O) raw head outputs (logits for the cross-entropies), row-major; values at padding
 *                positions (t at or beyond a target length) are unspecified and never scored
 */
public record ForwardResult(double loss, float[] outputs) {
}
