package org.rnnbench.reports.read;

import java.nio.file.Path;
import java.util.List;

/**
 * Every run record of a results directory.
 *
 * @param dir      the directory that was read
 * @param files    the run-record files read, in path order
 * @param runs     the records, in file and line order
 * @param warnings what was skipped and why (a partial last line), one line each, naming file and line
 */
public record Results(Path dir, List<Path> files, List<LoadedRun> runs, List<String> warnings) {

    /** Copies the lists. */
    public Results {
        files = List.copyOf(files);
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }
}
