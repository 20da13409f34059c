package org.rnnbench.reports.compare;

import java.util.Comparator;
import java.util.List;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.reports.read.LoadedRun;

/**
 * A run id present on both sides, with its records on each (more than one when a side pools repeated runs, one
 * record from each of its results directories).
 *
 * @param id       the run id
 * @param baseline its baseline records
 * @param current  its current records
 */
record MatchedUnit(String id, List<LoadedRun> baseline, List<LoadedRun> current) {

    /** The configuration key (the id without the seed). */
    String configKey() {
        return baseline.get(0).configKey();
    }

    /**
     * How much of the between-run noise of one pair of runs is left when each side pools its repeated runs:
     * sqrt((1/k_b + 1/k_c) / 2) for k_b baseline and k_c current records, 1 for one of each. Independent run-to-run
     * shifts average out as they would in a mean of the runs; the pooled fast end of the steps, which takes the
     * quickest of the runs, did at least as well on this project's A/A runs.
     */
    double pooling() {
        return Math.sqrt((1.0 / baseline.size() + 1.0 / current.size()) / 2);
    }

    /** The backend id. */
    String backend() {
        return baseline.get(0).params().backend();
    }

    /** The most severe status among {@code runs} (OK, then diverged and unsupported, then failed). */
    static RunStatus status(List<LoadedRun> runs) {
        return runs.stream().map(r -> r.record().status()).max(Comparator.comparingInt(MatchedUnit::severity))
            .orElseThrow();
    }

    /** How bad a status is: OK 0, diverged or unsupported 1, failed 2. */
    static int severity(RunStatus status) {
        return switch (status) {
            case OK -> 0;
            case DIVERGED, UNSUPPORTED -> 1;
            case FAILED -> 2;
        };
    }

    /** The records of {@code runs}. */
    static List<RunRecord> records(List<LoadedRun> runs) {
        return runs.stream().map(LoadedRun::record).toList();
    }
}
