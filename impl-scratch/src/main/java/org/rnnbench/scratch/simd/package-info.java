/**
 * The vector shape (Vector API species and lane count) shared by the GEMM kernels and the gate loops, the padding
 * rule for hidden-sized rows, and vectorised gate nonlinearities.
 */
package org.rnnbench.scratch.simd;
