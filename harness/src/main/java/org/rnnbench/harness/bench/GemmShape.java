package org.rnnbench.harness.bench;

import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The shape of a product {@code C (M, N) = A (M, K) * B (K, N)} shared by {@link GemmBenchmark} and
 * {@link SgemmReferenceBenchmark}, by default the gate product of an LSTM train step at the size of the speed
 * figures (docs/SPEED.md), 32 x 160 x 512 (batch 32; input 32 + hidden 128; 4 gates x 128);
 * {@code -p m=1024 -p k=1024 -p n=1024} gives a large square one. Operands are uniform in [0, 1) from fixed seeds,
 * the same in every benchmark.
 */
@State(Scope.Benchmark)
public class GemmShape {
    /** M, rows of A and C. */
    @Param({"32"})
    public int m;
    /** K, columns of A, rows of B. */
    @Param({"160"})
    public int k;
    /** N, columns of B and C. */
    @Param({"512"})
    public int n;

    /** A, row-major (M, K). */
    float[] a() {
        return random(m * k, 0);
    }

    /** B, row-major (K, N). */
    float[] b() {
        return random(k * n, 1);
    }

    private static float[] random(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) r.nextDouble();
        }
        return x;
    }
}
