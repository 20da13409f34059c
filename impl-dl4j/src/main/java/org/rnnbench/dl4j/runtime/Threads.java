package org.rnnbench.dl4j.runtime;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's compute threads. OpenMP and OpenBLAS size their pools from {@code OMP_NUM_THREADS} when the native library
 * loads, so that variable must be set in the environment before the JVM starts (a system property is not read; a
 * forked JVM per backend is the clean way; the module's tests run with {@code OMP_NUM_THREADS=1}). Within that, a
 * model's {@code threads} caps ND4J's own parallelism at run time. Both settings are process-wide: the last model
 * created decides.
 */
public final class Threads {
    private Threads() {
    }

    /** The number of threads ND4J is asked to use: {@code threads}, at most {@code OMP_NUM_THREADS} when set. */
    public static int effective(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null) {
            try {
                int cap = Integer.parseInt(omp.trim());
                if (cap >= 1) {
                    return Math.min(threads, cap);
                }
            } catch (NumberFormatException e) {
                // an unreadable value leaves the cap to OpenMP itself
            }
        }
        return threads;
    }

    /** Applies {@link #effective(int)} to ND4J's executioner and BLAS. */
    public static synchronized void apply(int threads) {
        int n = effective(threads);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }
}
