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

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.rnnbench.core.backend.Sgemm;

/**
 * The scratch backend's single-thread GEMM {@code C = A * B} on a {@link GemmShape} (by default the gate product,
 * 32 x 160 x 512), the Vector API kernel ({@code kernel=scratch/fast}) beside its naive twin ({@code scratch/naive}),
 * reached through the backend SPI ({@link org.rnnbench.core.backend.Backend#sgemms}).
 * GFLOP/s = 2*M*N*K / time.
 *
 * <p>{@link #fmaPeak} probes the core's FMA throughput from Java: {@value #CHAINS} independent chains of fused
 * multiply-adds on the preferred vector width (the one the kernels use: 256 bits with AVX2, 512 with AVX-512;
 * enough chains to hide their latency on the two FMA pipes of a Zen or Skylake core) with nothing else in the
 * loop; GFLOP/s = {@link #PEAK_FLOPS} / time. It is a lower bound of the core's peak, not the peak.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchFlags.VECTOR_MODULE, BenchFlags.NO_TYPE_SPECULATION})
@State(Scope.Thread)
public class GemmBenchmark {
    /** Independent accumulators of {@link #fmaPeak}. */
    static final int CHAINS = 12;
    /** Steps of each chain per {@link #fmaPeak} call. */
    static final int STEPS = 4096;
    /** The vector shape of {@link #fmaPeak}: the platform's preferred, as the kernels'. */
    static final VectorSpecies<Float> PEAK_SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Floating-point operations of one {@link #fmaPeak} call: chains x steps x lanes x 2. */
    static final long PEAK_FLOPS = (long) CHAINS * STEPS * PEAK_SPECIES.length() * 2;

    private float[] a;
    private float[] b;

    /** A kernel of a backend, prepared on the operands of the shape. */
    @State(Scope.Thread)
    public static class Kernel {
        /** {@code backend/name} of the kernel ({@link SgemmKernels}). */
        @Param({"scratch/fast", "scratch/naive"})
        public String kernel;

        Sgemm.Product product;

        /** Prepares the product. */
        @Setup(Level.Trial)
        public void setUp(GemmShape shape) {
            product = SgemmKernels.prepare(kernel, shape);
        }

        /** Frees it. */
        @TearDown(Level.Trial)
        public void tearDown() {
            product.close();
        }
    }

    /** Operands of {@link #fmaPeak}. */
    @Setup(Level.Trial)
    public void setUp(GemmShape shape) {
        a = shape.a();
        b = shape.b();
    }

    /** C = A * B with the kernel. */
    @Benchmark
    public float gemm(Kernel kernel) {
        return kernel.product.multiply();
    }

    /** {@value #CHAINS} independent chains of fused multiply-adds, {@value #STEPS} steps each. */
    @Benchmark
    public float fmaPeak() {
        FloatVector x = FloatVector.broadcast(PEAK_SPECIES, a[0]);
        FloatVector y = FloatVector.broadcast(PEAK_SPECIES, a[1]);
        FloatVector s0 = FloatVector.broadcast(PEAK_SPECIES, b[0]);
        FloatVector s1 = s0.add(1f), s2 = s0.add(2f), s3 = s0.add(3f), s4 = s0.add(4f), s5 = s0.add(5f);
        FloatVector s6 = s0.add(6f), s7 = s0.add(7f), s8 = s0.add(8f), s9 = s0.add(9f), s10 = s0.add(10f);
        FloatVector s11 = s0.add(11f);
        // 12 accumulators, each s = s * x + y, STEPS times
        for (int i = 0; i < STEPS; i++) {
            s0 = s0.fma(x, y);
            s1 = s1.fma(x, y);
            s2 = s2.fma(x, y);
            s3 = s3.fma(x, y);
            s4 = s4.fma(x, y);
            s5 = s5.fma(x, y);
            s6 = s6.fma(x, y);
            s7 = s7.fma(x, y);
            s8 = s8.fma(x, y);
            s9 = s9.fma(x, y);
            s10 = s10.fma(x, y);
            s11 = s11.fma(x, y);
        }
        return s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7).add(s8).add(s9).add(s10).add(s11)
            .reduceLanes(VectorOperators.ADD);
    }
}
