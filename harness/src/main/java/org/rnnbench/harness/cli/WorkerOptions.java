package org.rnnbench.harness.cli;

import picocli.CommandLine.Option;

import org.rnnbench.harness.fork.JavaExecutable;
import org.rnnbench.harness.fork.WorkerSettings;
import org.rnnbench.harness.plan.Planner;

/** Options of every command that starts backend worker JVMs: their thread count and the JVM they run on. */
public final class WorkerOptions {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
        description = "Compute threads per backend (each backend's thread settings, e.g. OMP_NUM_THREADS; see"
            + " 'rnnbench list backends'); default ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--java", paramLabel = "PATH",
        description = "The java executable (or JDK home) the backend workers run on, recorded in every record;"
            + " default $" + JavaExecutable.VARIABLE + ", else this JVM.")
    String java;

    /** The checked thread count. */
    int threads() {
        Planner.checkRange("--threads", threads, 1, Planner.MAX_THREADS);
        return threads;
    }

    /** The checked settings: thread count and the workers' java. */
    WorkerSettings settings() {
        return new WorkerSettings(threads(), JavaExecutable.resolve(java));
    }
}
