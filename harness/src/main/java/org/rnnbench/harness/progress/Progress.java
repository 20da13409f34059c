package org.rnnbench.harness.progress;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a sweep on standard error, with an ETA from {@link Eta}. On a terminal, one bar redrawn in place
 * ({@link TerminalBar}, drawn by the progressbar library):
 * <pre>  rnnbench  37% [=======>            ] 35/96 units (0:02:31 / 0:04:10) djl lstm adding-T50 seed1 40%</pre>
 * otherwise (a log file, CI) a plain line when a unit finishes and at least {@link #LINE_INTERVAL_NANOS} have
 * passed since the last one, and always a last line.
 */
public final class Progress implements AutoCloseable {
    /** How progress is shown. */
    public enum Mode {
        /** A bar on a terminal, lines otherwise. */
        AUTO,
        /** A bar redrawn in place. */
        BAR,
        /** Plain lines. */
        LINES,
        /** Nothing. */
        NONE
    }

    /** The least time between two plain lines. */
    public static final long LINE_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier clock;
    private final Eta eta = new Eta();
    private final long startNanos;
    private final int total;
    private int finished;
    private long lastLine;
    private String current = "";
    private String currentBackend = "";
    private double currentCost;
    private long currentStart;
    private double currentFraction;
    private final TerminalBar bar;
    /** The ETA as last computed, read by the bar's drawing thread without taking this object's lock. */
    private volatile double secondsLeft = Double.NaN;

    /**
     * A progress display for {@code total} units.
     *
     * @param clock nanoseconds, {@link System#nanoTime()} outside tests
     */
    public Progress(PrintWriter err, Mode mode, int total, LongSupplier clock) {
        this.err = err;
        this.mode = mode == Mode.AUTO ? (stderrIsTerminal() ? Mode.BAR : Mode.LINES) : mode;
        this.clock = clock;
        this.total = total;
        this.startNanos = clock.getAsLong();
        this.lastLine = startNanos;
        this.bar = this.mode == Mode.BAR ? new TerminalBar(err, total, () -> secondsLeft) : null;
    }

    /** Counts a unit still to run, with its estimated cost in FLOPs. */
    public synchronized void planned(String backend, double cost) {
        eta.add(backend, cost);
    }

    /** A unit started. */
    public synchronized void started(String backend, String label, double cost) {
        current = label;
        currentBackend = backend;
        currentCost = cost;
        currentStart = clock.getAsLong();
        currentFraction = 0;
        redraw();
    }

    /** Training of the unit in progress reached {@code done} of {@code steps}. */
    public synchronized void step(int done, int steps) {
        currentFraction = steps == 0 ? 1 : (double) done / steps;
        redraw();
    }

    /** The unit in progress finished with a status. */
    public synchronized void finished(String status) {
        long now = clock.getAsLong();
        eta.finished(currentBackend, currentCost, (now - currentStart) / 1e9);
        finished++;
        String label = current;
        current = "";
        currentBackend = "";
        currentFraction = 0;
        if (mode == Mode.LINES && (now - lastLine >= LINE_INTERVAL_NANOS || finished == total)) {
            lastLine = now;
            err.println("rnnbench: " + summary() + "  last: " + label + " " + status);
            err.flush();
        } else {
            redraw();
        }
    }

    /** The text of the state: units, elapsed time and ETA. */
    synchronized String summary() {
        double elapsed = (clock.getAsLong() - startNanos) / 1e9;
        double left = eta.secondsLeft(currentBackend, currentCost * currentFraction);
        return String.format(Locale.ROOT, "%d/%d units  elapsed %s  ETA %s", finished, total, duration(elapsed),
            finished == total ? "0s" : duration(left));
    }

    private void redraw() {
        if (bar == null) {
            return;
        }
        secondsLeft = finished == total ? 0 : eta.secondsLeft(currentBackend, currentCost * currentFraction);
        String message = current;
        if (!current.isEmpty() && currentFraction > 0) {
            message += String.format(Locale.ROOT, " %.0f%%", 100 * currentFraction);
        }
        bar.update(Math.min(total, finished + currentFraction), message);
    }

    /** Ends the display: the bar's last state and a newline. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** A duration as {@code 1h02m}, {@code 4m10s} or {@code 12s}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    /** True when standard error is a terminal (Linux: fd 2 links to a tty device). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) { // not Linux, or no /proc: fall back to the console check
            return System.console() != null;
        }
    }
}
