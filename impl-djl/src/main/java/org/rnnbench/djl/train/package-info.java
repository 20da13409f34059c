/**
 * Training on DJL by hand: reading and zeroing accumulated gradients, global-norm clipping, SGD and PyTorch's Adam
 * with in-place NDArray operations.
 */
package org.rnnbench.djl.train;
