/**
 * The network on flat buffers: the canonical flat parameter layout, per-layer caches grown on demand, recurrent
 * layers and stacks, input encodings, the head, the losses and the optimizers, wired by
 * {@link org.rnnbench.scratch.net.Network}; {@link org.rnnbench.scratch.net.ProbeRunner} runs a stack alone.
 */
package org.rnnbench.scratch.net;
