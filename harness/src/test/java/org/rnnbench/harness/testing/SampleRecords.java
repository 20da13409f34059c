package org.rnnbench.harness.testing;

import java.util.Map;

import org.rnnbench.core.run.Environment;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;

/** Run records with chosen values, for tests of what reads them. */
public final class SampleRecords {
    private SampleRecords() {
    }

    /** Parameters of a small unit. */
    public static RunParams params(String backend, String cell, long seed) {
        return new RunParams("adding-T20", backend, cell, 8, 1, "pytorch", "adam", 1e-3, 1, 0, 4, 3, seed, 1);
    }

    /** A record with losses, step times and metrics. */
    public static RunRecord record(RunParams p, RunStatus status, double[] losses, long[] nanos,
                                   Map<String, Double> metrics) {
        return new RunRecord(p.id(), p, status, status == RunStatus.OK ? "" : "why, with a comma", "dense2",
            "many-to-one", "mse", 337, 321, 1e6, losses, nanos, "mse", false, metrics, Map.of("mse", 1 / 6.0),
            Map.of("mse", 0.17), 0.08, 1, 0.002, new double[] {1e-6, 0.3}, new double[] {1e-4, 0.2},
            new Environment("abc", "jvm", "os", "amd64", "cpu", 2, Map.of("rnnbench", "0"), Map.of("backend", "1")),
            "2026-01-01T00:00:00Z");
    }
}
