package org.rnnbench.harness.fork;

/**
 * What every worker JVM of one command shares: the compute threads each backend may use and the {@code java}
 * executable the workers run on (which need not be the parent's, so that JDKs can be compared).
 *
 * @param threads compute threads per backend, at least 1
 * @param java    the {@code java} executable of the workers, with its feature release
 */
public record WorkerSettings(int threads, JavaExecutable java) {

    /** Checks the thread count. */
    public WorkerSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("a worker needs at least one thread, got " + threads);
        }
        if (java == null) {
            throw new IllegalArgumentException("a worker needs a java executable");
        }
    }

    /** Workers on the parent's own JVM. */
    public static WorkerSettings onThisJvm(int threads) {
        return new WorkerSettings(threads, JavaExecutable.current());
    }
}
