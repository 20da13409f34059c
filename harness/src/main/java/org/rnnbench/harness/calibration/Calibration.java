package org.rnnbench.harness.calibration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rnnbench.core.run.Environment;

/**
 * A fixed single-threaded workload that measures the machine, not the code under test, the same code in every
 * backend JVM: a float GEMM ({@value #N} x {@value #N} x {@value #N}, plain loops) and a scalar loop (a chain of
 * {@value #SCALAR_STEPS} dependent integer multiply-adds). Its figures are {@code gemm_ms} and {@code scalar_ms}:
 * the median over {@value Repetitions#TIMED} timed repetitions of each part, in milliseconds, after a warm-up that
 * lasts until the JIT has settled ({@link Repetitions}). About a quarter of a second on an idle core the first time
 * in a JVM, less afterwards. A loaded machine makes both slower by about as much as it makes the units' steps
 * slower.
 *
 * <p>Both parts are small methods called many times ({@link #axpy} {@value #N}^2 times per GEMM, {@link #chain} in
 * chunks of {@value #CHUNK} steps), not one long loop: a long loop is first run by an on-stack-replacement
 * compilation, then for a while by the slow profiling compilation of its method, then by the optimized one, so that
 * the time of a repetition depends on when the JVM started (this gave 9.6 ms in one JVM and 0.31 ms in another for
 * the same GEMM). A small method called thousands of times reaches its optimized compilation within the first
 * repetitions, and the warm-up waits for that.
 */
public final class Calibration {
    /** The GEMM size. */
    static final int N = 96;
    /** The length of the scalar chain of one repetition. */
    static final int SCALAR_STEPS = 2_000_000;
    /** The chain's steps per call. */
    static final int CHUNK = 1_000;
    /** The figure of the GEMM. */
    public static final String GEMM = Environment.CALIBRATION_GEMM;
    /** The figure of the scalar loop. */
    public static final String SCALAR = "scalar_ms";

    private static final float[] A = new float[N * N];
    private static final float[] B = new float[N * N];
    private static final float[] C = new float[N * N];
    private static volatile double sink;

    static {
        for (int i = 0; i < A.length; i++) {
            A[i] = (i % 7) * 0.25f;
            B[i] = (i % 5) * 0.5f;
        }
    }

    private Calibration() {
    }

    /** Runs the workload and returns {@code gemm_ms} and {@code scalar_ms}. */
    public static Map<String, Double> measure() {
        double[] medians = Repetitions.medians(() -> {
            long t0 = System.nanoTime();
            gemm();
            long t1 = System.nanoTime();
            sink = chain(SCALAR_STEPS);
            long t2 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
        });
        sink += C[N + 1];
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(GEMM, medians[0]);
        out.put(SCALAR, medians[1]);
        return out;
    }

    /** The calibration of a record: the figures before its unit and after it, under
     * {@link Environment#CALIBRATION_BEFORE} and {@link Environment#CALIBRATION_AFTER}. */
    public static Map<String, Double> bracket(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> out = new LinkedHashMap<>();
        before.forEach((k, v) -> out.put(Environment.CALIBRATION_BEFORE + k, v));
        after.forEach((k, v) -> out.put(Environment.CALIBRATION_AFTER + k, v));
        return out;
    }

    private static void gemm() {
        Arrays.fill(C, 0);
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < N; k++) {
                axpy(A[i * N + k], B, k * N, C, i * N);
            }
        }
    }

    /** c[co..co+N) += a * b[bo..bo+N). */
    private static void axpy(float a, float[] b, int bo, float[] c, int co) {
        for (int j = 0; j < N; j++) {
            c[co + j] += a * b[bo + j];
        }
    }

    private static long chain(int steps) {
        long x = 88172645463325252L;
        for (int done = 0; done < steps; done += CHUNK) {
            x = chunk(x);
        }
        return x;
    }

    private static long chunk(long x) {
        for (int i = 0; i < CHUNK; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
