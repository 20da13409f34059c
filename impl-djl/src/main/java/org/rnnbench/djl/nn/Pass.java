package org.rnnbench.djl.nn;

import java.util.List;

import ai.djl.ndarray.NDArray;

/**
 * One forward pass of a {@link Network}.
 *
 * @param loss    the scalar loss over the pass's valid target positions
 * @param count   N, the number of those positions
 * @param outputs (B, T_out', O) raw head outputs of the pass's target steps
 * @param probes  the encoder's probes, one (B, H) per recurrent step; empty unless probing
 * @param hN      (L, B, H) the encoder's hidden states after the pass's last step (what truncated BPTT carries)
 * @param cN      (L, B, H) the same for LSTM cell states, otherwise null
 */
public record Pass(NDArray loss, int count, NDArray outputs, List<NDArray> probes, NDArray hN, NDArray cN) {
}
