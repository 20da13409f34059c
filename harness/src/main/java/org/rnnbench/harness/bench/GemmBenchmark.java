package org.rnnbench.harness.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

import org.rnnbench.scratch.gemm.GemmNN;

/**
 * The scratch backend's single-thread GEMM {@code C = A * B} on the gate product of DESIGN.md's shape, M x K x N =
 * 32 x 160 x 512 (batch 32; input 32 + hidden 128; 4 gates x 128), the Vector API kernel beside its naive twin.
 * GFLOP/s = 2*M*N*K / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchFlags.VECTOR_MODULE)
@State(Scope.Thread)
public class GemmBenchmark {
    /** M, rows of A and C. */
    @Param({"32"})
    public int m;
    /** K, columns of A, rows of B. */
    @Param({"160"})
    public int k;
    /** N, columns of B and C. */
    @Param({"512"})
    public int n;

    private float[] a;
    private float[] b;
    private float[] c;

    /** Random A and B. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(0);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble();
        }
    }

    /** The Vector API kernel. */
    @Benchmark
    public float fast() {
        Arrays.fill(c, 0f);
        GemmNN.fast(m, n, k, a, 0, k, b, 0, n, c, 0, n);
        return c[c.length - 1];
    }

    /** The naive triple loop it is tested against. */
    @Benchmark
    public float naive() {
        Arrays.fill(c, 0f);
        GemmNN.naive(m, n, k, a, 0, k, b, 0, n, c, 0, n);
        return c[c.length - 1];
    }
}
