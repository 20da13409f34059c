package org.rnnbench.reports;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.reports.plot.PlotImage;
import org.rnnbench.reports.plot.Plots;
import org.rnnbench.reports.read.Results;
import org.rnnbench.reports.summary.ConfigSummary;
import org.rnnbench.reports.summary.Summaries;
import org.rnnbench.reports.table.EconomyTable;
import org.rnnbench.reports.table.EnvironmentTable;
import org.rnnbench.reports.table.GradientTable;
import org.rnnbench.reports.table.ProblemsTable;
import org.rnnbench.reports.table.ResultsTable;
import org.rnnbench.reports.table.Table;

/**
 * Everything a report shows, computed from results: the configuration summaries, the tables grouped by task
 * (results, parameters against the metric, gradient decay), the tables about the whole run (runs that did not end
 * OK, environment) and the plots. Tables without rows are left out.
 *
 * @param results        what was read
 * @param summaries      one per configuration, in report order
 * @param taskTables     tables whose first column is the task
 * @param globalTables   tables about every run
 * @param plots          the plots, in report order
 * @param warmupFraction the fraction of each run's steps dropped from step times
 */
public record Report(Results results, List<ConfigSummary> summaries, List<Table> taskTables,
                     List<Table> globalTables, List<PlotImage> plots, double warmupFraction) {

    /** Computes the report of {@code results}. */
    public static Report of(Results results, double warmupFraction) {
        List<ConfigSummary> summaries = Summaries.of(results.runs(), warmupFraction);
        List<Table> task = nonEmpty(List.of(ResultsTable.of(summaries), EconomyTable.of(summaries),
            GradientTable.of(summaries)));
        List<Table> global = nonEmpty(List.of(ProblemsTable.of(results.runs()),
            EnvironmentTable.of(results.runs())));
        return new Report(results, summaries, task, global, Plots.of(summaries), warmupFraction);
    }

    /** The tasks, in report order. */
    public List<String> tasks() {
        return Summaries.tasks(summaries);
    }

    /** Every table, task tables first. */
    public List<Table> tables() {
        List<Table> all = new ArrayList<>(taskTables);
        all.addAll(globalTables);
        return all;
    }

    private static List<Table> nonEmpty(List<Table> tables) {
        return tables.stream().filter(t -> !t.rows().isEmpty()).toList();
    }
}
