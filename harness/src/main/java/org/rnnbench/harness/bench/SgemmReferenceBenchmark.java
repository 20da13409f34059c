package org.rnnbench.harness.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rnnbench.core.backend.Sgemm;

/**
 * The vendor sgemm the framework backends run on, one thread, {@code C = A * B} on the same {@link GemmShape}s
 * as {@link GemmBenchmark}: libtorch's (MKL, through DJL: {@code kernel=djl/libtorch}) and ND4J's (OpenBLAS:
 * {@code dl4j/openblas}), reached through the backend SPI ({@link org.rnnbench.core.backend.Backend#sgemms}). It
 * answers what "one core's sgemm peak" is on the machine at hand, against which {@link GemmBenchmark#gemm} is read:
 * on the gate product 32 x 160 x 512 and on a large square product ({@code -p m=1024 -p k=1024 -p n=1024}), where a
 * tuned library comes closest to the core's peak (on the 2-vCPU EPYC VM of docs/SPEED.md, above
 * {@link GemmBenchmark#fmaPeak}). GFLOP/s = 2*M*N*K / time. Run with {@code OMP_NUM_THREADS=1} in the environment:
 * OpenBLAS sizes its pool when it loads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchFlags.VECTOR_MODULE)
@State(Scope.Thread)
public class SgemmReferenceBenchmark {
    /** {@code backend/name} of the kernel ({@link SgemmKernels}). */
    @Param({"djl/libtorch", "dl4j/openblas"})
    public String kernel;

    private Sgemm.Product product;

    /** A and B in the kernel's library, on one thread. */
    @Setup(Level.Trial)
    public void setUp(GemmShape shape) {
        product = SgemmKernels.prepare(kernel, shape);
    }

    /** Frees the library's arrays. */
    @TearDown(Level.Trial)
    public void tearDown() {
        product.close();
    }

    /** C = A * B with the kernel: libtorch gives a new C per call as DJL does, ND4J writes a preallocated C. */
    @Benchmark
    public float sgemm() {
        return product.multiply();
    }
}
