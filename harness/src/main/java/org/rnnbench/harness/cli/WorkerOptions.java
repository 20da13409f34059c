package org.rnnbench.harness.cli;

import picocli.CommandLine.Option;

import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.progress.Progress;

/** Options of commands that start worker JVMs: their thread count and how progress shows. */
public final class WorkerOptions {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
        description = "Compute threads per backend (OMP_NUM_THREADS, DJL's thread properties, scratch's pool);"
            + " default ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
        description = "auto (a bar on a terminal, lines otherwise), bar, lines or none; default ${DEFAULT-VALUE}.")
    String progress;

    /** The checked thread count. */
    int threads() {
        Planner.checkRange("--threads", threads, 1, Planner.MAX_THREADS);
        return threads;
    }

    /** The checked progress mode. */
    Progress.Mode progressMode() {
        return switch (progress.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> Progress.Mode.AUTO;
            case "bar" -> Progress.Mode.BAR;
            case "lines" -> Progress.Mode.LINES;
            case "none" -> Progress.Mode.NONE;
            default -> throw new org.rnnbench.harness.UsageException("--progress " + progress
                + ": unknown mode; use auto, bar, lines or none");
        };
    }
}
