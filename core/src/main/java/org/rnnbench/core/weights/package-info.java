/**
 * Canonical parameters: PyTorch state_dict names and shapes, safetensors I/O, and initialisation from a seed.
 */
package org.rnnbench.core.weights;
