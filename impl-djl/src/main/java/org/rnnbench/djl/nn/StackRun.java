package org.rnnbench.djl.nn;

import java.util.List;

import ai.djl.ndarray.NDArray;

/**
 * What a run of a {@link RecurrentStack} gives.
 *
 * @param top    (B, T, H) the top layer's hidden state at every step (with the probe added when probing)
 * @param hN     (L, B, H) every layer's final hidden state: after the last step, or at each sequence's requested
 *               step when the run was asked for them
 * @param cN     (L, B, H) the same for the cell state (LSTM), otherwise null
 * @param probes one (B, H) zero array per step, requiring a gradient, added to the top layer's h_t, so that its
 *               gradient is the total dL/dh_t; empty unless probing
 */
public record StackRun(NDArray top, NDArray hN, NDArray cN, List<NDArray> probes) {
}
