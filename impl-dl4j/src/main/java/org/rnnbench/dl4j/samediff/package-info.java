/**
 * Models as SameDiff graphs unrolled over time from primitive ops (matrix products, element-wise gates, slices
 * with {@code SDIndex.interval}), for everything DL4J's classic layers cannot do exactly: the GRU (no classic
 * layer; the fused {@code gru} op has a wrong backprop), truncated BPTT (the classic one has wrong gradients),
 * encoder-decoder, and per-step hidden-state gradients. Also the fused-GRU variant, which uses
 * {@code sd.rnn().gru} instead of the unrolled GRU.
 */
package org.rnnbench.dl4j.samediff;
