package org.rnnbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.rnnbench.reports.summary.BackendPool;
import org.rnnbench.reports.summary.ConfigSummary;

/**
 * Parameters against the primary metric: per task and configuration (every backend pooled, see
 * {@link BackendPool}), the canonical parameters, their ratio to the LSTM with the same hyper-parameters, the
 * metric's mean and interval, its distance from chance and its difference from that LSTM. This is where the
 * claimed economy of the GRU (three gate blocks to the LSTM's four) is measured.
 */
public final class EconomyTable {
    /** The table id. */
    public static final String ID = "params-vs-metric";

    private EconomyTable() {
    }

    /** The table of {@code summaries}. */
    public static Table of(List<ConfigSummary> summaries) {
        List<BackendPool> pools = BackendPool.of(summaries);
        List<List<Object>> rows = new ArrayList<>();
        for (BackendPool p : pools) {
            ConfigSummary s = p.first();
            BackendPool lstm = pools.stream().filter(q -> q.task().equals(p.task())
                && Objects.equals(q.label(), p.lstmLabel())).findFirst().orElse(null);
            double paramsVsLstm = lstm == null || lstm.first().canonicalParams() <= 0 ? Double.NaN
                : (double) s.canonicalParams() / lstm.first().canonicalParams();
            double vsLstm = lstm == null ? Double.NaN : better(s, p.metric().mean(), lstm.metric().mean());
            rows.add(Arrays.asList(p.task(), p.label(), p.configs().size(), p.metric().n(), s.canonicalParams(),
                paramsVsLstm, s.metricName(), p.metric().mean(), p.metric().halfWidth(), s.chance(),
                better(s, p.metric().mean(), s.chance()), vsLstm));
        }
        List<Column> columns = List.of(
            new Column("task", "task", Format.TEXT),
            new Column("config", "cell", Format.TEXT),
            new Column("backends", "backends", Format.COUNT),
            new Column("runs_ok", "ok runs", Format.COUNT),
            new Column("canonical_params", "params", Format.COUNT),
            new Column("params_vs_lstm", "params / LSTM", Format.SIG3),
            new Column("metric", "metric", Format.TEXT),
            new Column("mean", "mean", Format.SIG3),
            new Column("ci95_halfwidth", "95% CI", Format.PLUS_MINUS),
            new Column("chance", "chance", Format.SIG3),
            new Column("better_than_chance_by", "better than chance by", Format.SIGNED3),
            new Column("better_than_lstm_by", "better than LSTM by", Format.SIGNED3));
        return new Table(ID, "Parameters against the metric",
            "Every backend and seed of a configuration pooled. \"Better by\" is signed in the metric's good"
                + " direction (positive = better), so it reads the same for accuracy and for losses. The LSTM"
                + " compared against has the same task and hyper-parameters.",
            columns, rows, true);
    }

    /** How much better {@code a} is than {@code b} for the summary's metric direction. */
    static double better(ConfigSummary s, double a, double b) {
        return s.higherIsBetter() ? a - b : b - a;
    }
}
