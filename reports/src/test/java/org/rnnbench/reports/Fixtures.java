package org.rnnbench.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.rnnbench.core.run.Environment;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.reports.compare.CompareSettings;

/**
 * Test data: the committed real runs ({@code fixtures/run-a}, {@code fixtures/run-b}, written by
 * {@link org.rnnbench.reports.fixture.FixtureGenerator}), copies of them with records changed, and small
 * hand-made records.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The directory of a committed fixture run, {@code run-a} or {@code run-b}. */
    public static Path run(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name + "/runs.jsonl");
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " is missing from the test resources");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records of a fixture run. */
    public static List<RunRecord> records(String name) {
        try {
            List<RunRecord> out = new ArrayList<>();
            for (String line : Files.readAllLines(run(name).resolve("runs.jsonl"), StandardCharsets.UTF_8)) {
                out.add(RunRecordCodec.fromJson(line, name));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code records} as {@code dir/runs.jsonl}, one line each; returns {@code dir}. */
    public static Path write(Path dir, List<RunRecord> records) {
        StringBuilder sb = new StringBuilder();
        records.forEach(r -> sb.append(RunRecordCodec.toJson(r)).append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("runs.jsonl"), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** {@code records} with every record passed through {@code change}. */
    public static List<RunRecord> map(List<RunRecord> records, UnaryOperator<RunRecord> change) {
        return records.stream().map(change).toList();
    }

    /** A copy of {@code r} with every per-step time multiplied by {@code factor} (rounded to whole nanoseconds). */
    public static RunRecord slower(RunRecord r, double factor) {
        long[] nanos = r.stepNanos().clone();
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = Math.round(nanos[i] * factor);
        }
        return with(r, r.status(), r.message(), nanos, r.metrics());
    }

    /** A copy of {@code r} with another status, message, step times and metrics. */
    public static RunRecord with(RunRecord r, RunStatus status, String message, long[] stepNanos,
                                 Map<String, Double> metrics) {
        return new RunRecord(r.id(), r.params(), status, message, r.encoding(), r.topology(), r.loss(),
            r.canonicalParameters(), r.nativeParameters(), r.trainFlopsPerStep(), r.losses(), stepNanos,
            r.primaryMetric(), r.higherIsBetter(), metrics, r.chanceAnalytic(), r.chanceEmpirical(), r.targetLoss(),
            r.stepsToTarget(), r.secondsToTarget(), r.gradNormsInitial(), r.gradNormsTrained(), r.environment(),
            r.finishedAt());
    }

    /**
     * A copy of {@code r} whose JVM measured the calibration workload at {@code gemmMs} and {@code scalarMs} before
     * its first unit only (the bare names of the first records of schema version 4).
     */
    public static RunRecord calibrated(RunRecord r, double gemmMs, double scalarMs) {
        return r.withEnvironment(r.environment().withCalibration(Map.of("gemm_ms", gemmMs, "scalar_ms", scalarMs)));
    }

    /**
     * A copy of {@code r} whose JVM measured the calibration's GEMM at {@code gemmBefore} ms before the unit and
     * {@code gemmAfter} ms after it, as a run writes it.
     */
    public static RunRecord bracketed(RunRecord r, double gemmBefore, double gemmAfter) {
        return r.withEnvironment(r.environment().withCalibration(Map.of("before.gemm_ms", gemmBefore,
            "after.gemm_ms", gemmAfter)));
    }

    /** A copy of {@code r} with the primary metric set to {@code value}. */
    public static RunRecord withMetric(RunRecord r, double value) {
        Map<String, Double> m = new LinkedHashMap<>(r.metrics());
        m.put(r.primaryMetric(), value);
        return with(r, r.status(), r.message(), r.stepNanos(), m);
    }

    /**
     * Comparison settings for hand-made step times, which carry no run-to-run noise: the run noise and the unit
     * noise at 0, so that the rules under test see exactly the differences a test made.
     */
    public static final CompareSettings NOISELESS = CompareSettings.DEFAULTS.withRunNoise(0).withUnitNoise(0);

    /**
     * A small hand-made record: accuracy task {@code task}, 20 steps of {@code stepMillis} ms each (plus a tiny
     * alternating jitter), the given accuracy, chance 0.25.
     */
    public static RunRecord record(String task, String backend, String cell, int hidden, long seed, double accuracy,
                                   double stepMillis) {
        RunParams p = new RunParams(task, backend, cell, hidden, 1, "pytorch", "adam", 0.01, 0, 0, 8, 20, seed, 1);
        long[] nanos = new long[20];
        double[] losses = new double[20];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = Math.round(stepMillis * 1e6 * (1 + (i % 2 == 0 ? 0.01 : -0.01)));
            losses[i] = 1.4 - 0.05 * i;
        }
        long params = cell.equals("lstm") ? 4L * (hidden * 4 + hidden * hidden + 2 * hidden)
            : 3L * (hidden * 4 + hidden * hidden + 2 * hidden);
        Environment env = new Environment("abc123", "OpenJDK 17", "Linux 6", "amd64", "Test CPU", 2,
            Map.of("rnnbench", "0.1.0"), Map.of("backend", "1"));
        return new RunRecord(p.id(), p, RunStatus.OK, "", "onehot4", "many-to-one", "softmax-ce", params, params,
            2.0e6, losses, nanos, "accuracy", true, Map.of("accuracy", accuracy, "loss", 1.0),
            Map.of("accuracy", 0.25), Map.of("accuracy", 0.26), 0.5, 12, 12 * stepMillis / 1e3,
            new double[] {1e-4, 1e-2, 1}, new double[] {1e-2, 1e-1, 1}, env, "2026-11-26T20:00:00Z");
    }
}
