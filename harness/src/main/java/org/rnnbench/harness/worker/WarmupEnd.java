package org.rnnbench.harness.worker;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * When a JIT warm-up may stop: once it has lasted its minimum time and the JIT has then been quiet (no compilation
 * finished) for {@value #QUIET_MILLIS} ms and {@value #QUIET_STEPS} steps, or at the latest after
 * {@value #LIMIT_FACTOR} times the minimum. A fixed time alone was too short for the first unit of a JVM on a
 * 2-core machine: the compiler threads were still working through the backlog of everything loaded before it, the
 * unit's kernels reached their optimized compilation only after the warm-up had ended, and that unit's steps ran at
 * 1-2 ms instead of 60 us for a hundred steps (4-30 times its twin with another seed, differently in every JVM).
 * Later units find their code compiled and stop at the minimum.
 */
final class WarmupEnd {
    /** Quiet time of the JIT that ends the warm-up. */
    static final long QUIET_MILLIS = 200;
    /** Steps in the quiet time. */
    static final int QUIET_STEPS = 5;
    /** The longest warm-up, in multiples of the minimum. */
    static final int LIMIT_FACTOR = 10;

    private final long minimumNanos;
    private final LongSupplier nanoClock;
    private final LongSupplier compileMillis;
    private final long start;
    private long compiled;
    private long quietSince;
    private int quietSteps;

    /**
     * @param minimumNanos  the shortest warm-up
     * @param nanoClock     the time in nanoseconds
     * @param compileMillis the JIT's total compilation time so far, in ms (constant when not known)
     */
    WarmupEnd(long minimumNanos, LongSupplier nanoClock, LongSupplier compileMillis) {
        this.minimumNanos = minimumNanos;
        this.nanoClock = nanoClock;
        this.compileMillis = compileMillis;
        this.start = nanoClock.getAsLong();
        this.quietSince = start;
        this.compiled = compileMillis.getAsLong();
    }

    /** A warm-up of this JVM from now, watching its JIT. */
    static WarmupEnd startingNow(long minimumNanos) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean known = jit != null && jit.isCompilationTimeMonitoringSupported();
        return new WarmupEnd(minimumNanos, System::nanoTime, known ? jit::getTotalCompilationTime : () -> 0L);
    }

    /** Called after each warm-up step: true when the warm-up may stop. */
    boolean afterStep() {
        long now = nanoClock.getAsLong();
        long c = compileMillis.getAsLong();
        if (c != compiled) {
            compiled = c;
            quietSince = now;
            quietSteps = 0;
        } else {
            quietSteps++;
        }
        long elapsed = now - start;
        boolean quiet = now - quietSince >= QUIET_MILLIS * 1_000_000L && quietSteps >= QUIET_STEPS;
        return elapsed >= minimumNanos && quiet || elapsed >= LIMIT_FACTOR * minimumNanos;
    }

    /** The warm-up's time so far, in ms. */
    long elapsedMillis() {
        return (nanoClock.getAsLong() - start) / 1_000_000L;
    }
}
