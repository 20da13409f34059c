package org.rnnbench.harness.bench;

/** The JVM flags of every benchmark fork (annotation values must be constants). */
final class BenchFlags {
    /** The scratch kernels' Vector API. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /** Keeps C2 intrinsifying the scratch kernels' Vector API calls (see ScratchBackend.JVM_FLAGS). */
    static final String NO_TYPE_SPECULATION = "-XX:-UseTypeSpeculation";
    /** DJL never downloads. */
    static final String DJL_OFFLINE = "-Dai.djl.offline=true";

    private BenchFlags() {
    }
}
