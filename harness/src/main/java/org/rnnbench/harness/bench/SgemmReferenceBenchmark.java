package org.rnnbench.harness.bench;

import java.util.concurrent.TimeUnit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rnnbench.djl.DjlEngine;
import org.rnnbench.dl4j.runtime.Threads;

/**
 * The vendor sgemm the framework backends run on, one thread, {@code C = A * B} on the same {@link GemmShape}s
 * as {@link GemmBenchmark}: libtorch's (MKL, through DJL) and ND4J's (OpenBLAS). It answers what "one core's sgemm
 * peak" is on the machine at hand, against which {@link GemmBenchmark#fast} is read: on the gate product 32 x 160 x
 * 512 and on a large square product ({@code -p m=1024 -p k=1024 -p n=1024}), where a tuned library comes closest
 * to the core's peak (on the 2-vCPU EPYC VM of docs/SPEED.md, above {@link GemmBenchmark#fmaPeak}).
 * GFLOP/s = 2*M*N*K / time. Run with {@code OMP_NUM_THREADS=1} in the environment: OpenBLAS sizes its pool when it
 * loads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.DJL_OFFLINE})
@State(Scope.Thread)
public class SgemmReferenceBenchmark {
    private NDManager manager;
    private NDArray torchA;
    private NDArray torchB;
    private INDArray nd4jA;
    private INDArray nd4jB;
    private INDArray nd4jC;

    /** Random A and B in both libraries, each on one thread. */
    @Setup(Level.Trial)
    public void setUp(GemmShape shape) {
        int m = shape.m;
        int k = shape.k;
        int n = shape.n;
        float[] a = shape.a();
        float[] b = shape.b();
        manager = DjlEngine.get(1).newBaseManager();
        torchA = manager.create(a, new Shape(m, k));
        torchB = manager.create(b, new Shape(k, n));
        Threads.apply(1);
        nd4jA = Nd4j.create(a, new long[] {m, k}, 'c');
        nd4jB = Nd4j.create(b, new long[] {k, n}, 'c');
        nd4jC = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'c');
    }

    /** Frees libtorch's arrays. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /** libtorch's matmul (MKL sgemm), a new C per call as DJL gives it. */
    @Benchmark
    public long libtorch() {
        try (NDArray c = torchA.matMul(torchB)) {
            return c.size();
        }
    }

    /** ND4J's gemm (OpenBLAS sgemm) into a preallocated C. */
    @Benchmark
    public INDArray openblas() {
        return Nd4j.gemm(nd4jA, nd4jB, nd4jC, false, false, 1.0, 0.0);
    }
}
