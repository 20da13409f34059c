package org.rnnbench.harness.bench;

/**
 * JVM flags of the benchmark forks (annotation values must be constants, so they cannot come from the backend SPI;
 * what a backend needs beyond them {@link ForkSettings} applies or warns about inside the fork).
 */
final class BenchFlags {
    /** The incubating Vector API, in every fork: {@link GemmBenchmark#fmaPeak} and the pure-Java kernels use it. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /**
     * Keeps C2 intrinsifying Vector API calls in benchmarks of Java kernels alone; a benchmark over every backend
     * gets a backend's JIT settings from the command line for that backend's forks (see {@link ForkSettings}).
     */
    static final String NO_TYPE_SPECULATION = "-XX:-UseTypeSpeculation";

    private BenchFlags() {
    }
}
