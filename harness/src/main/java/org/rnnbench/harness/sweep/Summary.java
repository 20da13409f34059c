package org.rnnbench.harness.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.reports.stats.StepFigures;
import org.rnnbench.reports.stats.StepTimes;

/**
 * The short table {@code run} prints when it ends: per task, cell and backend (seeds pooled), how many units are
 * OK, the primary metric's mean after training against the task's chance level, the median step time and the
 * GFLOP/s of the group's steps pooled after warm-up ({@link StepFigures}, the figures the report shows). The
 * reports module makes the full tables and plots.
 */
public final class Summary {
    private Summary() {
    }

    /** Prints the table of the records of the planned units, then the counts per status. */
    public static void print(PrintWriter out, List<RunRecord> records, List<PlannedUnit> units) {
        Set<String> planned = units.stream().map(PlannedUnit::id).collect(Collectors.toSet());
        Map<String, List<RunRecord>> groups = new LinkedHashMap<>();
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        for (RunRecord r : records) {
            if (!planned.contains(r.id())) {
                continue;
            }
            counts.merge(r.status(), 1, Integer::sum);
            String key = String.join("\u0000", r.params().task(), r.params().cell(), r.params().backend());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        out.printf(Locale.ROOT, "%-22s %-9s %-15s %6s %-12s %10s %10s %9s %8s%n", "task", "cell", "backend", "ok",
            "metric", "value", "chance", "ms/step", "GFLOP/s");
        for (List<RunRecord> g : groups.values()) {
            RunRecord first = g.get(0);
            String metric = first.primaryMetric() == null ? "" : first.primaryMetric();
            double value = mean(g, r -> r.status() == RunStatus.OK ? r.metrics().get(metric) : null);
            Double chance = first.chanceAnalytic() == null ? null : first.chanceAnalytic().get(metric);
            StepFigures speed = StepFigures.of(g, StepTimes.DEFAULT_WARMUP);
            double ms = speed.medianMs();
            double gflops = speed.gflops();
            long ok = g.stream().filter(r -> r.status() == RunStatus.OK).count();
            String okText = ok + "/" + g.size();
            if (ok < g.size()) {
                okText += " " + g.stream().filter(r -> r.status() != RunStatus.OK).map(r -> r.status().name()
                    .toLowerCase(Locale.ROOT)).distinct().collect(Collectors.joining(","));
            }
            out.printf(Locale.ROOT, "%-22s %-9s %-15s %6s %-12s %10s %10s %9s %8s%n", first.params().task(),
                first.params().cell(), first.params().backend(), okText, metric, fmt(value),
                chance == null ? "" : fmt(chance), fmt(ms), fmt(gflops));
        }
        String text = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name()
            .toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        out.println("units: " + (text.isEmpty() ? "none recorded" : text) + " (of " + units.size() + " planned)");
    }

    private static double mean(List<RunRecord> g, java.util.function.Function<RunRecord, Double> f) {
        double sum = 0;
        int n = 0;
        for (RunRecord r : g) {
            Double v = f.apply(r);
            if (v != null && Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3g", v)
            : String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
