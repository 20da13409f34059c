/**
 * Single-precision matrix products, row-major: {@code C += A*B} ({@link org.rnnbench.scratch.gemm.GemmNN}),
 * {@code C += A^T*B} ({@link org.rnnbench.scratch.gemm.GemmTN}) and {@code C += A*B^T}
 * ({@link org.rnnbench.scratch.gemm.GemmNT}). Each has a register-blocked Vector API kernel and, beside it, the
 * naive triple loop it is tested against; {@link org.rnnbench.scratch.gemm.Gemm} splits a product between threads.
 */
package org.rnnbench.scratch.gemm;
