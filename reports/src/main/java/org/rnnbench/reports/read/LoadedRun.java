package org.rnnbench.reports.read;

import java.util.Map;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;

/**
 * A run record as read from a file, with where it came from. Missing arrays, maps and strings of the record
 * are replaced by empty ones when it is read, so nothing downstream sees null.
 *
 * @param record the record
 * @param source {@code file:line} it was read from
 */
public record LoadedRun(RunRecord record, String source) {

    /** The parameters. */
    public RunParams params() {
        return record.params();
    }

    /**
     * The configuration key: the run id without its seed. Runs of one configuration on different seeds share
     * it; a backend, a cell, a task or any hyper-parameter makes it differ.
     */
    public String configKey() {
        return configKey(record.params());
    }

    /** The configuration key of {@code params}: {@link RunParams#id()} without the trailing {@code /seed<n>}. */
    public static String configKey(RunParams params) {
        String id = params.id();
        String suffix = "/seed" + params.seed();
        return id.endsWith(suffix) ? id.substring(0, id.length() - suffix.length()) : id;
    }

    /** The value of the task's primary metric, NaN when it was not recorded. */
    public double primaryValue() {
        Double v = record.metrics().get(record.primaryMetric());
        return v == null ? Double.NaN : v;
    }

    /**
     * The chance level of the primary metric: the analytic value when the task gives one, otherwise the
     * empirical one, NaN when neither was recorded.
     */
    public double chance() {
        Map<String, Double> analytic = record.chanceAnalytic();
        Double v = analytic.get(record.primaryMetric());
        if (v == null || !Double.isFinite(v)) {
            v = record.chanceEmpirical().get(record.primaryMetric());
        }
        return v == null ? Double.NaN : v;
    }
}
