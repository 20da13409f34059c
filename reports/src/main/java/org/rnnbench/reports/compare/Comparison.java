package org.rnnbench.reports.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of comparing a current results directory with a baseline.
 *
 * @param baselineDirs   the baseline directories (more than one when repeated runs were pooled)
 * @param currentDirs    the current directories
 * @param baselineRuns   records read from the baseline
 * @param currentRuns    records read from the current side
 * @param settings       the thresholds used
 * @param findings       every verdict: per matched unit (status, step time, metric) and per backend
 * @param onlyInBaseline run ids found in the baseline only, sorted
 * @param onlyInCurrent  run ids found in the current directory only, sorted
 * @param notes          what the reader should know: warnings while reading, environment differences, the
 *                       between-run noise used
 * @param warnings       what was skipped while reading (a partial last line), each prefixed by its side; also
 *                       among the notes
 */
public record Comparison(List<Path> baselineDirs, List<Path> currentDirs, int baselineRuns, int currentRuns,
                         CompareSettings settings, List<Finding> findings, List<String> onlyInBaseline,
                         List<String> onlyInCurrent, List<String> notes, List<String> warnings) {

    /** Exit code when nothing regressed. */
    public static final int OK = 0;
    /** Exit code when something regressed. */
    public static final int REGRESSED = 1;
    /** Exit code for bad input (a missing directory, no records, a corrupt file). */
    public static final int BAD_INPUT = 2;

    /** Copies the lists. */
    public Comparison {
        baselineDirs = List.copyOf(baselineDirs);
        currentDirs = List.copyOf(currentDirs);
        findings = List.copyOf(findings);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCurrent = List.copyOf(onlyInCurrent);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** The findings with a given verdict. */
    public List<Finding> with(Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).toList();
    }

    /** The regressions. */
    public List<Finding> regressions() {
        return with(Verdict.REGRESSION);
    }

    /** True when something regressed. */
    public boolean regressed() {
        return !regressions().isEmpty();
    }

    /** {@link #REGRESSED} when something regressed, {@link #OK} otherwise. */
    public int exitCode() {
        return regressed() ? REGRESSED : OK;
    }

    /** The Markdown summary. */
    public String markdown() {
        return CompareMarkdown.render(this);
    }
}
