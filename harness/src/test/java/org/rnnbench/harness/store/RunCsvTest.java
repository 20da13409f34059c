package org.rnnbench.harness.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.sweep.Summary;
import org.rnnbench.harness.testing.SampleRecords;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.stats.StepTimes;
import org.rnnbench.reports.summary.ConfigSummary;

class RunCsvTest {
    @TempDir
    Path dir;

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
            .getRecords();
    }

    @Test
    void oneRowPerRecordWithDerivedSpeedsAndTheUnionOfMetrics() throws IOException {
        RunRecord ok = SampleRecords.record(SampleRecords.params("scratch", "lstm", 0), RunStatus.OK,
            new double[] {0.5, 0.25, 0.125}, new long[] {4_000_000, 1_000_000, 2_000_000}, Map.of("mse", 0.05));
        RunRecord diverged = SampleRecords.record(SampleRecords.params("djl", "gru", 1), RunStatus.DIVERGED,
            new double[] {0.5, Double.NaN}, new long[] {1_000_000, 1_000_000}, Map.of("accuracy", 0.9));
        List<CSVRecord> rows = parse(RunCsv.render(List.of(ok, diverged)));
        assertEquals(2, rows.size());
        CSVRecord a = rows.get(0);
        assertEquals(ok.id(), a.get("id"));
        assertEquals("lstm", a.get("cell"));
        assertEquals("OK", a.get("status"));
        assertEquals("3", a.get("steps_run"));
        assertEquals("2", a.get("median_step_ms"), "median of 4, 1 and 2 ms");
        assertEquals("2000", a.get("sequences_per_s"), "batch 4 in 2 ms");
        assertEquals("0.5", a.get("gflops"), "1e6 FLOPs in 2 ms");
        assertEquals("0.007", a.get("train_seconds"));
        assertEquals("0.05", a.get("metric_mse"));
        assertEquals("", a.get("metric_accuracy"), "a metric this record lacks stays empty");
        assertEquals("0.05", a.get("primary_value"));
        CSVRecord b = rows.get(1);
        assertEquals("DIVERGED", b.get("status"));
        assertEquals("why, with a comma", b.get("message"));
        assertEquals("", b.get("final_loss"), "NaN is written as an empty cell");
        assertEquals("0.9", b.get("metric_accuracy"));
    }

    @Test
    void theCsvTheConsoleAndTheReportShowTheSameMedianAfterWarmup() throws IOException {
        // 20 steps, the first two slow (warm-up): over all steps the median is 10.5 ms, after warm-up 9.5 ms
        long[] nanos = new long[20];
        nanos[0] = 100_000_000;
        nanos[1] = 100_000_000;
        for (int i = 2; i < 20; i++) {
            nanos[i] = (i - 1) * 1_000_000L;
        }
        RunRecord r = SampleRecords.record(SampleRecords.params("scratch", "lstm", 0), RunStatus.OK, new double[20],
            nanos, Map.of("mse", 0.05));
        CSVRecord row = parse(RunCsv.render(List.of(r))).get(0);
        assertEquals("9.5", row.get("median_step_ms"));
        assertEquals("2", row.get("warmup_steps"));
        assertEquals(Double.parseDouble(row.get("median_step_ms")), ConfigSummary.of("lstm", List.of(
            new LoadedRun(r, "runs.jsonl:1")), StepTimes.DEFAULT_WARMUP).stepMillis().median(), 1e-12);
        StringWriter console = new StringWriter();
        try (PrintWriter out = new PrintWriter(console)) {
            Summary.print(out, List.of(r), List.of(new PlannedUnit(r.params(), "w.safetensors", Double.NaN, 1, 1)));
        }
        String line = console.toString().lines().filter(l -> l.startsWith(r.params().task())).findFirst()
            .orElseThrow();
        assertTrue(line.contains(" 9.5 "), "ms/step after warm-up: " + line);
    }

    @Test
    void writeReplacesTheFileAtomically() throws IOException {
        Path f = dir.resolve(RunCsv.FILE);
        RunRecord r = SampleRecords.record(SampleRecords.params("scratch", "gru", 0), RunStatus.OK,
            new double[] {1}, new long[] {1}, Map.of());
        RunCsv.write(f, List.of(r));
        RunCsv.write(f, List.of(r, SampleRecords.record(SampleRecords.params("dl4j", "gru", 0), RunStatus.OK,
            new double[] {1}, new long[] {1}, Map.of())));
        assertEquals(2, parse(java.nio.file.Files.readString(f)).size());
        assertTrue(RunCsv.render(List.of()).startsWith("id,task,backend"));
    }
}
