/**
 * JMH benchmarks, packaged as {@code harness/target/benchmarks.jar}: a train step and a forward pass per backend x
 * cell x (hidden, batch, sequence length), one backend per fork, and the scratch backend's GEMM kernel.
 */
package org.rnnbench.harness.bench;
