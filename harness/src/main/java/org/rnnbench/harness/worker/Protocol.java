package org.rnnbench.harness.worker;

import java.io.PrintStream;

/**
 * What a worker JVM tells its parent, one line each on its standard output (every other line there is library
 * noise and ignored): {@code @rnnbench start <unit>}, {@code @rnnbench step <unit> <done> <total>} and
 * {@code @rnnbench done <unit> <status>}, where {@code <unit>} is the index in the job's unit list. Step lines are
 * sent at most every {@link #STEP_INTERVAL_NANOS}.
 */
public final class Protocol {
    /** The prefix of every protocol line. */
    public static final String PREFIX = "@rnnbench ";
    /** The least time between two step lines of a unit. */
    public static final long STEP_INTERVAL_NANOS = 250_000_000L;

    private final PrintStream out;
    private long lastStep;

    /** A protocol on a stream (the worker's original standard output). */
    public Protocol(PrintStream out) {
        this.out = out;
    }

    /** A unit started. */
    public void start(int unit) {
        send("start " + unit);
        lastStep = System.nanoTime();
    }

    /** Progress within a unit; sent only when the last step line is old enough, or at the last step. */
    public void step(int unit, int done, int total) {
        long now = System.nanoTime();
        if (now - lastStep >= STEP_INTERVAL_NANOS || done == total) {
            lastStep = now;
            send("step " + unit + " " + done + " " + total);
        }
    }

    /** A unit finished and its result is on disk. */
    public void done(int unit, String status) {
        send("done " + unit + " " + status);
    }

    private synchronized void send(String line) {
        out.println(PREFIX + line);
        out.flush();
    }

    /**
     * A parsed protocol line.
     *
     * @param event {@code start}, {@code step} or {@code done}
     * @param unit  the unit index
     * @param done  steps done (step events)
     * @param total steps in all (step events)
     * @param status the unit's status (done events)
     */
    public record Event(String event, int unit, int done, int total, String status) {
    }

    /** The event of a line, or null when the line is not a protocol line. */
    public static Event parse(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            return null;
        }
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        try {
            return switch (f[0]) {
                case "start" -> new Event("start", Integer.parseInt(f[1]), 0, 0, null);
                case "step" -> new Event("step", Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), null);
                case "done" -> new Event("done", Integer.parseInt(f[1]), 0, 0, f[2]);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }
}
