package org.rnnbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.rnnbench.reports.summary.ConfigSummary;

/**
 * The main table: per task, one row per configuration (cell and varying hyper-parameters) and backend, with the
 * primary metric's mean and 95% interval over seeds, chance, parameter counts, step time, throughput and time to
 * target.
 */
public final class ResultsTable {
    /** The table id. */
    public static final String ID = "results";

    private ResultsTable() {
    }

    /** The table of {@code summaries}. */
    public static Table of(List<ConfigSummary> summaries) {
        List<Column> columns = List.of(
            new Column("task", "task", Format.TEXT),
            new Column("config", "cell", Format.TEXT),
            new Column("backend", "backend", Format.TEXT),
            new Column("runs_ok", "ok", Format.COUNT),
            new Column("runs", "runs", Format.COUNT),
            new Column("metric", "metric", Format.TEXT),
            new Column("mean", "mean", Format.SIG3),
            new Column("ci95_halfwidth", "95% CI", Format.PLUS_MINUS),
            new Column("chance", "chance", Format.SIG3),
            new Column("canonical_params", "params (canonical)", Format.COUNT),
            new Column("native_params", "params (native)", Format.COUNT),
            new Column("median_ms_per_step", "ms/step (median)", Format.SIG3),
            new Column("p10_ms_per_step", "p10", Format.SIG3),
            new Column("p90_ms_per_step", "p90", Format.SIG3),
            new Column("sequences_per_s", "seq/s", Format.SIG3),
            new Column("gflops", "GFLOP/s", Format.SIG3),
            new Column("target_reached", "reached target", Format.COUNT),
            new Column("target_set", "of", Format.COUNT),
            new Column("steps_to_target", "steps to target", Format.SIG3),
            new Column("seconds_to_target", "s to target", Format.SIG3));
        Set<String> cpus = new TreeSet<>();
        summaries.forEach(s -> cpus.addAll(CpuModels.of(s.runs()).keySet()));
        boolean mixed = cpus.size() > 1;
        // with more than one CPU model, which one each row's step times come from, next to them
        int cpuColumn = columns.stream().map(Column::key).toList().indexOf("p90_ms_per_step") + 1;
        if (mixed) {
            columns = new ArrayList<>(columns);
            columns.add(cpuColumn, new Column("step_time_cpu", "step times on", Format.TEXT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ConfigSummary s : summaries) {
            List<Object> row = new ArrayList<>(Arrays.asList(s.task(), s.label(), s.backend(), s.ok(),
                s.runs().size(), s.metricName(), s.metric().mean(), s.metric().halfWidth(), s.chance(),
                s.canonicalParams(), s.nativeParams(), s.stepMillis().median(), s.stepMillis().p10(),
                s.stepMillis().p90(), s.sequencesPerSecond(), s.gflops(), s.targetsReached(), s.targetsSet(),
                s.stepsToTarget(), s.secondsToTarget()));
            if (mixed) {
                row.add(cpuColumn, CpuModels.describe(CpuModels.of(s.runs())));
            }
            rows.add(row);
        }
        return new Table(ID, "Results per task",
            "Mean of the primary metric over the seeds that ended OK, with the half width of its 95% confidence"
                + " interval (Student t, n-1 degrees of freedom; none with one seed). Step times pool every seed's"
                + " steps after the warm-up; seq/s and GFLOP/s use the median. Chance is the task's analytic"
                + " level (empirical when there is none)." + (mixed ? " The runs ran on " + cpus.size() + " CPU"
                + " models (" + String.join("; ", cpus) + "): each row says which, and step times, seq/s and"
                + " GFLOP/s compare only between rows of the same CPU." : ""),
            columns, rows, true);
    }
}
