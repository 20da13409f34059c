package org.rnnbench.harness.bench;

import org.rnnbench.scratch.ScratchBackend;

/** JVM flags of the benchmark forks (annotation values must be constants). */
final class BenchFlags {
    /** The scratch kernels' Vector API, in every fork so that every fork sees the scratch backend. */
    static final String VECTOR_MODULE = ScratchBackend.ADD_VECTOR_MODULE;
    /**
     * Keeps C2 intrinsifying the scratch kernels' Vector API calls: only for benchmarks of the scratch backend
     * alone; a benchmark over every backend gets it from the command line for its scratch forks (see
     * {@link ModelState}).
     */
    static final String NO_TYPE_SPECULATION = ScratchBackend.NO_TYPE_SPECULATION;
    /** DJL never downloads. */
    static final String DJL_OFFLINE = "-Dai.djl.offline=true";

    private BenchFlags() {
    }
}
