package org.rnnbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.rnnbench.harness.UsageException;
import org.rnnbench.reports.Reports;
import org.rnnbench.reports.WrittenReport;

/**
 * The report {@code run} writes at its end, into {@code RESULTS_DIR/report/}. The results are what matters: a
 * report that cannot be written is a warning line, never the run's failure ({@code rnnbench report} says why in
 * full).
 */
final class EndOfRunReport {
    private EndOfRunReport() {
    }

    static void write(Path dir, PrintWriter stderr) {
        try {
            WrittenReport w = Reports.write(dir);
            w.warnings().forEach(line -> stderr.println("rnnbench: warning: " + line));
            stderr.println("rnnbench: report in " + w.html());
        } catch (RuntimeException e) {
            stderr.println("rnnbench: warning: no report written (" + e.getClass().getSimpleName() + ": "
                + UsageException.firstLine(e.getMessage()) + "); try 'rnnbench report " + dir + "'");
        }
    }
}
