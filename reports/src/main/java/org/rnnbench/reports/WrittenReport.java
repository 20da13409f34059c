package org.rnnbench.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Reports#write} wrote.
 *
 * @param html     the HTML page
 * @param runs     run records reported
 * @param plots    PNG files written
 * @param tables   CSV files written
 * @param warnings what the reader skipped, one line each (a partial last line, naming file and line)
 */
public record WrittenReport(Path html, int runs, int plots, int tables, List<String> warnings) {

    /** Copies the list. */
    public WrittenReport {
        warnings = List.copyOf(warnings);
    }
}
