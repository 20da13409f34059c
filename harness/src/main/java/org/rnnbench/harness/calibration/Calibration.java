package org.rnnbench.harness.calibration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed single-threaded workload that measures the machine, not the code under test: a float GEMM
 * ({@value #N} x {@value #N} x {@value #N}, plain loops) and a scalar loop (a chain of {@value #SCALAR_STEPS}
 * dependent integer multiply-adds). Each is run {@value #REPEATS} times after a warm-up and its median time in
 * milliseconds is the result: {@code gemm_ms} and {@code scalar_ms}. About a quarter of a second on an idle core.
 * A loaded machine makes both slower by about as much as it makes the units' steps slower.
 */
public final class Calibration {
    /** The GEMM size. */
    static final int N = 96;
    /** The length of the scalar chain. */
    static final int SCALAR_STEPS = 8_000_000;
    /** Timed repetitions of each part. */
    static final int REPEATS = 5;
    /** The names of the measured figures. */
    public static final String GEMM = "gemm_ms";
    /** The scalar loop's figure. */
    public static final String SCALAR = "scalar_ms";

    private static volatile double sink;

    private Calibration() {
    }

    /** Runs the workload and returns {@code gemm_ms} and {@code scalar_ms}. */
    public static Map<String, Double> measure() {
        float[] a = new float[N * N];
        float[] b = new float[N * N];
        float[] c = new float[N * N];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) * 0.25f;
            b[i] = (i % 5) * 0.5f;
        }
        for (int i = 0; i < REPEATS; i++) { // warm-up: compile both loops
            gemm(a, b, c);
            scalar(SCALAR_STEPS / 4);
        }
        double[] gemm = new double[REPEATS];
        double[] scalar = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            gemm(a, b, c);
            long t1 = System.nanoTime();
            sink = scalar(SCALAR_STEPS);
            long t2 = System.nanoTime();
            gemm[i] = (t1 - t0) / 1e6;
            scalar[i] = (t2 - t1) / 1e6;
        }
        sink += c[N + 1];
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(GEMM, median(gemm));
        out.put(SCALAR, median(scalar));
        return out;
    }

    private static void gemm(float[] a, float[] b, float[] c) {
        Arrays.fill(c, 0);
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < N; k++) {
                float aik = a[i * N + k];
                for (int j = 0; j < N; j++) {
                    c[i * N + j] += aik * b[k * N + j];
                }
            }
        }
    }

    private static long scalar(int steps) {
        long x = 88172645463325252L;
        for (int i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
