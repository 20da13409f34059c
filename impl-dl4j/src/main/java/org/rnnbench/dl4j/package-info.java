/**
 * The Deeplearning4j backends: {@link org.rnnbench.dl4j.Dl4jBackend} (id {@code dl4j}), exact on every combination
 * of the contract, and {@link org.rnnbench.dl4j.FusedGruBackend} (id {@code dl4j:fused-gru}), the GRU on SameDiff's
 * fused op, kept to show where that op differs.
 */
package org.rnnbench.dl4j;
