package org.rnnbench.harness.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The bar {@link Progress} redraws in place on a terminal, drawn by the progressbar library (me.tongfei): units
 * done (a unit in progress counts by its fraction of steps), elapsed time, the ETA of {@link Eta} (cost-weighted
 * per backend, not the library's linear guess) and the unit in progress. It writes to the given stream, one
 * carriage-return-prefixed line padded over the previous one, at most {@link #width} characters wide.
 */
final class TerminalBar implements AutoCloseable {
    /** Steps of the bar per unit, so that a unit in progress moves it. */
    static final int PER_UNIT = 1000;

    private final ProgressBar bar;
    private final LineConsumer line;

    /**
     * A bar of {@code total} units.
     *
     * @param secondsLeft the ETA in seconds, NaN when unknown
     */
    TerminalBar(PrintWriter err, int total, DoubleSupplier secondsLeft) {
        this.line = new LineConsumer(err, width());
        this.bar = new ProgressBarBuilder().setTaskName("rnnbench").setInitialMax((long) total * PER_UNIT)
            .setUnit(" units", PER_UNIT).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
            .setConsumer(line).setEtaFunction(state -> {
                double s = secondsLeft.getAsDouble();
                return Double.isFinite(s) ? Optional.of(Duration.ofMillis(Math.round(s * 1000)))
                    : Optional.empty();
            }).build();
    }

    /** Moves the bar to {@code units} done and shows {@code message}. */
    void update(double units, String message) {
        bar.stepTo(Math.round(units * PER_UNIT));
        bar.setExtraMessage(message);
    }

    /** Draws the last state and ends the line. */
    @Override
    public void close() {
        bar.close();
        // the library closes its consumer only when its periodic redraw ran before; a short sweep may end sooner
        line.close();
    }

    /** The width to draw in: {@code COLUMNS}, else 120; at least 40. */
    static int width() {
        try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").strip()));
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /** Writes each rendering over the previous one on one line. */
    private static final class LineConsumer implements ProgressBarConsumer {
        private final PrintWriter err;
        private final int width;
        private int lastWidth;
        private boolean closed;

        LineConsumer(PrintWriter err, int width) {
            this.err = err;
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width - 1;
        }

        @Override
        public synchronized void accept(String rendered) {
            if (closed) {
                return; // a periodic redraw that was already running when the bar closed
            }
            String line = rendered.length() > width - 1 ? rendered.substring(0, width - 1) : rendered;
            StringBuilder out = new StringBuilder("\r").append(line);
            for (int i = line.length(); i < lastWidth; i++) {
                out.append(' ');
            }
            lastWidth = line.length();
            err.print(out);
            err.flush();
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (lastWidth > 0) {
                err.println();
                err.flush();
            }
        }
    }
}
