package org.rnnbench.harness.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.reports.stats.RunFigures;

/**
 * {@code runs.csv}: one row per run record with its scalar columns, regenerated from {@code runs.jsonl} at the end
 * of every run (the JSON lines are the source of truth; curves and raw times live only there). The fixed columns are
 * {@link #COLUMNS}, each a name and how its value comes from the record and its {@link RunFigures} (step times
 * after warm-up, speeds from the median step: the figures the report and {@code compare} use). Metric columns are
 * the union of the metric names of all records: {@code metric_<name>} after training, {@code chance_<name>}
 * analytic and {@code chance_empirical_<name>} measured; a record without one leaves the cell empty.
 */
public final class RunCsv {
    /** The file name inside a results directory. */
    public static final String FILE = "runs.csv";

    /** A record with its derived figures, what a column reads. */
    private record Row(RunRecord r, RunFigures f) {
        RunParams p() {
            return r.params();
        }
    }

    /**
     * A fixed column.
     *
     * @param name  its header
     * @param value its cell of a row
     */
    private record Column(String name, Function<Row, Object> value) {
    }

    /** The fixed columns, in order. */
    private static final List<Column> COLUMNS = List.of(
        new Column("id", x -> x.r().id()),
        new Column("task", x -> x.p().task()),
        new Column("backend", x -> x.p().backend()),
        new Column("cell", x -> x.p().cell()),
        new Column("hidden", x -> x.p().hidden()),
        new Column("layers", x -> x.p().layers()),
        new Column("init", x -> x.p().init()),
        new Column("optimizer", x -> x.p().optimizer()),
        new Column("lr", x -> num(x.p().learningRate())),
        new Column("clip", x -> num(x.p().clipNorm())),
        new Column("tbptt", x -> x.p().tbptt()),
        new Column("batch", x -> x.p().batchSize()),
        new Column("steps", x -> x.p().steps()),
        new Column("seed", x -> x.p().seed()),
        new Column("threads", x -> x.p().threads()),
        new Column("status", x -> x.r().status()),
        new Column("message", x -> x.r().message()),
        new Column("encoding", x -> x.r().encoding()),
        new Column("topology", x -> x.r().topology()),
        new Column("loss", x -> x.r().loss()),
        new Column("canonical_params", x -> x.r().canonicalParameters()),
        new Column("native_params", x -> x.r().nativeParameters()),
        new Column("train_flops_per_step", x -> num(x.r().trainFlopsPerStep())),
        new Column("steps_run", x -> x.f().stepsRun()),
        new Column("warmup_steps", x -> x.f().warmupSteps()),
        new Column("train_seconds", x -> num(x.f().trainSeconds())),
        new Column("median_step_ms", x -> num(x.f().speed().medianMs())),
        new Column("p10_step_ms", x -> num(x.f().speed().stepMillis().p10())),
        new Column("p90_step_ms", x -> num(x.f().speed().stepMillis().p90())),
        new Column("sequences_per_s", x -> num(x.f().speed().sequencesPerSecond())),
        new Column("gflops", x -> num(x.f().speed().gflops())),
        new Column("final_loss", x -> num(x.f().finalLoss())),
        new Column("primary_metric", x -> x.r().primaryMetric()),
        new Column("higher_is_better", x -> x.r().higherIsBetter()),
        new Column("primary_value", x -> value(x.r().metrics(), x.r().primaryMetric())),
        new Column("primary_chance", x -> value(x.r().chanceAnalytic(), x.r().primaryMetric())),
        new Column("primary_chance_empirical", x -> value(x.r().chanceEmpirical(), x.r().primaryMetric())),
        new Column("target_loss", x -> num(x.r().targetLoss())),
        new Column("steps_to_target", x -> x.r().stepsToTarget()),
        new Column("seconds_to_target", x -> num(x.r().secondsToTarget())),
        new Column("grad_norm_first_init", x -> end(x.r().gradNormsInitial(), true)),
        new Column("grad_norm_last_init", x -> end(x.r().gradNormsInitial(), false)),
        new Column("grad_norm_first_trained", x -> end(x.r().gradNormsTrained(), true)),
        new Column("grad_norm_last_trained", x -> end(x.r().gradNormsTrained(), false)),
        new Column("jvm", x -> x.r().environment().jvm()),
        new Column("cpu", x -> x.r().environment().cpu()),
        new Column("cores", x -> x.r().environment().cores()),
        new Column("git_commit", x -> x.r().environment().gitCommit()),
        new Column("finished_at", x -> x.r().finishedAt()));

    private RunCsv() {
    }

    /** Writes the CSV of {@code records} to {@code file}, atomically. */
    public static void write(Path file, List<RunRecord> records) throws IOException {
        JsonLines.writeAtomically(file, render(records).getBytes(StandardCharsets.UTF_8));
    }

    /** The CSV text of {@code records}, header first. */
    public static String render(List<RunRecord> records) throws IOException {
        TreeSet<String> metricNames = new TreeSet<>();
        for (RunRecord r : records) {
            metricNames.addAll(r.metrics().keySet());
            metricNames.addAll(r.chanceAnalytic().keySet());
            metricNames.addAll(r.chanceEmpirical().keySet());
        }
        List<String> header = new ArrayList<>(COLUMNS.stream().map(Column::name).toList());
        for (String prefix : List.of("metric_", "chance_", "chance_empirical_")) {
            metricNames.forEach(m -> header.add(prefix + m));
        }
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
            .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (RunRecord r : records) {
                Row row = new Row(r, RunFigures.of(r));
                List<Object> cells = new ArrayList<>();
                COLUMNS.forEach(c -> cells.add(c.value().apply(row)));
                for (Map<String, Double> m : List.of(r.metrics(), r.chanceAnalytic(), r.chanceEmpirical())) {
                    metricNames.forEach(name -> cells.add(value(m, name)));
                }
                printer.printRecord(cells);
            }
        }
        return out.toString();
    }

    private static String value(Map<String, Double> m, String key) {
        Double v = m.get(key);
        return v == null ? "" : num(v);
    }

    private static String end(double[] curve, boolean first) {
        if (curve.length == 0) {
            return "";
        }
        return num(first ? curve[0] : curve[curve.length - 1]);
    }

    /** A number as CSV text: empty for NaN, {@code inf}/{@code -inf} for infinities, shortest decimal otherwise. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
