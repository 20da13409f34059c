/**
 * The DJL backends: {@code djl} ({@link org.rnnbench.djl.DjlBackend}, DJL's fused recurrent blocks on libtorch) and
 * {@code djl:unrolled} ({@link org.rnnbench.djl.DjlUnrolledBackend}, cells built from NDArray operations), their
 * model ({@link org.rnnbench.djl.DjlModel}) and the engine's offline, thread and cache settings
 * ({@link org.rnnbench.djl.DjlEngine}).
 */
package org.rnnbench.djl;
