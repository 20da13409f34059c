package org.rnnbench.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

import org.rnnbench.harness.cli.RnnbenchCommand;
import org.rnnbench.harness.store.UserPaths;

/**
 * The {@code rnnbench} command line (started by the {@code ./rnnbench} launcher at the repository root).
 *
 * <p>Exit codes: {@value #EXIT_OK} success; {@value #EXIT_MISMATCH} {@code verify} found a difference above the
 * tolerance or a backend that could not be checked; {@value #EXIT_USAGE} bad input (one line on standard error,
 * no stack trace); {@value #EXIT_FAILURE} something else went wrong (a worker JVM that could not start, an
 * internal error; set {@value #DEBUG} to see the stack trace); 130 stopped by Ctrl-C.
 */
public final class Main {
    /** Success. */
    public static final int EXIT_OK = 0;
    /** {@code verify}: a difference above the tolerance. */
    public static final int EXIT_MISMATCH = 1;
    /** Bad input. */
    public static final int EXIT_USAGE = 2;
    /** Any other failure. */
    public static final int EXIT_FAILURE = 3;
    /** Exit code after Ctrl-C. */
    public static final int EXIT_INTERRUPTED = 130;
    /** Environment variable that turns on stack traces for internal errors. */
    public static final String DEBUG = "RNNBENCH_DEBUG";

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        Logging.quiet();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (for tests: no exit). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RnnbenchCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            String sub = e.getCommandLine().getCommandName();
            err.println("rnnbench: " + UsageException.firstLine(e.getMessage()) + "; see 'rnnbench "
                + (e.getCommandLine().getParent() == null ? "" : sub + " ") + "--help'");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof UsageException) {
                err.println("rnnbench: " + e.getMessage());
                return EXIT_USAGE;
            }
            if (e instanceof IOException io) {
                err.println("rnnbench: cannot read or write " + UserPaths.describe(io));
                return EXIT_FAILURE;
            }
            if (e instanceof UncheckedIOException io) {
                err.println("rnnbench: cannot read or write " + UserPaths.describe(io.getCause()));
                return EXIT_FAILURE;
            }
            if (e instanceof InterruptedException) {
                err.println("rnnbench: interrupted");
                return EXIT_INTERRUPTED;
            }
            err.println("rnnbench: internal error: " + e.getClass().getSimpleName() + ": "
                + UsageException.firstLine(e.getMessage()) + (System.getenv(DEBUG) == null ? " (set " + DEBUG
                + "=1 for the stack trace)" : ""));
            if (System.getenv(DEBUG) != null) {
                e.printStackTrace(err);
            }
            return EXIT_FAILURE;
        });
        return cl.execute(args);
    }
}
