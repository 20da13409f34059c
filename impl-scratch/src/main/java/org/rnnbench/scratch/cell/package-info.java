/**
 * The three cells, forward and backward of each side by side: one time step over a batch and a slice of hidden
 * units, fused into a single vectorised pass per direction. Layout: time-major rows, hidden rows padded to a whole
 * number of vectors, gate blocks stacked in canonical order.
 */
package org.rnnbench.scratch.cell;
