package org.rnnbench.harness.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;

/** Every backend JVM measures the machine before its first unit and records it in each record's environment. */
class CalibrationTest {
    @TempDir
    Path tmp;

    @Test
    void theWorkloadGivesPositiveTimes() {
        Map<String, Double> m = Calibration.measure();
        assertEquals(Set.of(Calibration.GEMM, Calibration.SCALAR), m.keySet());
        m.values().forEach(v -> assertTrue(v > 0 && Double.isFinite(v), m.toString()));
    }

    @Test
    void aRunRecordsTheCalibrationOfItsJvm() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(Main.EXIT_OK, Cli.run(Cli.tinyRun(out, "gru")).code());
        RunRecord r = new RunStore(out).records().get(0);
        assertEquals(Set.of(Calibration.GEMM, Calibration.SCALAR), r.environment().calibration().keySet(),
            r.environment().toString());
    }
}
