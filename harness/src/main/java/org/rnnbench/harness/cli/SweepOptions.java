package org.rnnbench.harness.cli;

import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.progress.Progress;

/**
 * The options every sweep command ({@code run}, {@code gradients} and the commands built on them) shares after
 * its own plan options: the workers' threads and JVM, how progress shows, where results go and what to run again.
 * {@link SweepTail} carries them out.
 */
public final class SweepOptions {
    @Mixin
    WorkerOptions workers;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
        description = "auto (a bar on a terminal, lines otherwise), bar, lines or none; default ${DEFAULT-VALUE}.")
    String progress;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory instead of the default.")
    Path out;

    @Option(names = "--retry-failed", description = "Run units recorded as FAILED again (their records are"
        + " replaced).")
    boolean retryFailed;

    /** The checked progress mode. */
    Progress.Mode progressMode() {
        return switch (progress.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> Progress.Mode.AUTO;
            case "bar" -> Progress.Mode.BAR;
            case "lines" -> Progress.Mode.LINES;
            case "none" -> Progress.Mode.NONE;
            default -> throw new UsageException("--progress " + progress + ": unknown mode; use auto, bar, lines or"
                + " none");
        };
    }

    /** The results directory: {@code --out}, or {@code results/<name>}. */
    Path directory(String name) {
        return out != null ? out : Path.of("results", name);
    }
}
