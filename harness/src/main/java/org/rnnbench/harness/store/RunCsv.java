package org.rnnbench.harness.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;

/**
 * {@code runs.csv}: one row per run record with its scalar columns, regenerated from {@code runs.jsonl} at the end
 * of every run (the JSON lines are the source of truth; curves and raw times live only there). Metric columns are
 * the union of the metric names of all records: {@code metric_<name>} after training, {@code chance_<name>}
 * analytic and {@code chance_empirical_<name>} measured; a record without one leaves the cell empty.
 */
public final class RunCsv {
    /** The file name inside a results directory. */
    public static final String FILE = "runs.csv";

    private static final List<String> FIXED = List.of("id", "task", "backend", "cell", "hidden", "layers", "init",
        "optimizer", "lr", "clip", "tbptt", "batch", "steps", "seed", "threads", "status", "message", "encoding",
        "topology", "loss", "canonical_params", "native_params", "train_flops_per_step", "steps_run",
        "train_seconds", "median_step_ms", "sequences_per_s", "gflops", "final_loss", "primary_metric",
        "higher_is_better", "primary_value", "primary_chance", "primary_chance_empirical", "target_loss",
        "steps_to_target", "seconds_to_target", "grad_norm_first_init", "grad_norm_last_init",
        "grad_norm_first_trained", "grad_norm_last_trained", "jvm", "cpu", "cores", "git_commit", "finished_at");

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
            metricNames.addAll(names(r.metrics()));
            metricNames.addAll(names(r.chanceAnalytic()));
            metricNames.addAll(names(r.chanceEmpirical()));
        }
        List<String> header = new ArrayList<>(FIXED);
        for (String m : metricNames) {
            header.add("metric_" + m);
        }
        for (String m : metricNames) {
            header.add("chance_" + m);
        }
        for (String m : metricNames) {
            header.add("chance_empirical_" + m);
        }
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
            .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (RunRecord r : records) {
                List<Object> row = fixedColumns(r);
                for (String m : metricNames) {
                    row.add(value(r.metrics(), m));
                }
                for (String m : metricNames) {
                    row.add(value(r.chanceAnalytic(), m));
                }
                for (String m : metricNames) {
                    row.add(value(r.chanceEmpirical(), m));
                }
                printer.printRecord(row);
            }
        }
        return out.toString();
    }

    private static List<Object> fixedColumns(RunRecord r) {
        RunParams p = r.params();
        RunScalars s = RunScalars.of(r);
        String primary = r.primaryMetric();
        List<Object> row = new ArrayList<>();
        row.add(r.id());
        row.add(p.task());
        row.add(p.backend());
        row.add(p.cell());
        row.add(p.hidden());
        row.add(p.layers());
        row.add(p.init());
        row.add(p.optimizer());
        row.add(num(p.learningRate()));
        row.add(num(p.clipNorm()));
        row.add(p.tbptt());
        row.add(p.batchSize());
        row.add(p.steps());
        row.add(p.seed());
        row.add(p.threads());
        row.add(r.status());
        row.add(r.message() == null ? "" : r.message());
        row.add(nz(r.encoding()));
        row.add(nz(r.topology()));
        row.add(nz(r.loss()));
        row.add(r.canonicalParameters());
        row.add(r.nativeParameters());
        row.add(num(r.trainFlopsPerStep()));
        row.add(s.stepsRun());
        row.add(num(s.trainSeconds()));
        row.add(num(s.medianStepMs()));
        row.add(num(s.sequencesPerSec()));
        row.add(num(s.gflops()));
        row.add(num(s.finalLoss()));
        row.add(nz(primary));
        row.add(r.higherIsBetter());
        row.add(value(r.metrics(), primary));
        row.add(value(r.chanceAnalytic(), primary));
        row.add(value(r.chanceEmpirical(), primary));
        row.add(num(r.targetLoss()));
        row.add(r.stepsToTarget());
        row.add(num(r.secondsToTarget()));
        row.add(end(r.gradNormsInitial(), true));
        row.add(end(r.gradNormsInitial(), false));
        row.add(end(r.gradNormsTrained(), true));
        row.add(end(r.gradNormsTrained(), false));
        row.add(r.environment() == null ? "" : r.environment().jvm());
        row.add(r.environment() == null ? "" : r.environment().cpu());
        row.add(r.environment() == null ? "" : Integer.toString(r.environment().cores()));
        row.add(r.environment() == null ? "" : r.environment().gitCommit());
        row.add(nz(r.finishedAt()));
        return row;
    }

    private static java.util.Set<String> names(Map<String, Double> m) {
        return m == null ? java.util.Set.of() : m.keySet();
    }

    private static String value(Map<String, Double> m, String key) {
        if (m == null || key == null) {
            return "";
        }
        Double v = m.get(key);
        return v == null ? "" : num(v);
    }

    private static String end(double[] curve, boolean first) {
        if (curve == null || curve.length == 0) {
            return "";
        }
        return num(first ? curve[0] : curve[curve.length - 1]);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
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
