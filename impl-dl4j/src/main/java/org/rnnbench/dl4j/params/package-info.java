/**
 * Canonical weights in DL4J's native arrays and back, and the optimizer that updates those arrays as PyTorch would
 * update the canonical ones. A {@link org.rnnbench.dl4j.params.Binding} ties canonical tensors to native
 * {@code INDArray}s (a classic layer's parameter views, or SameDiff variables);
 * {@link org.rnnbench.dl4j.params.ParameterBindings} holds all of a model's; {@link org.rnnbench.dl4j.params.Updater}
 * clips and updates them.
 */
package org.rnnbench.dl4j.params;
