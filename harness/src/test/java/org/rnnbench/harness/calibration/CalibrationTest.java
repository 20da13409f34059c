package org.rnnbench.harness.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;

/** Every backend JVM measures the machine before and after each unit and records both in the unit's environment. */
class CalibrationTest {
    private static final Set<String> BRACKET = Set.of("before.gemm_ms", "before.scalar_ms", "after.gemm_ms",
        "after.scalar_ms");

    @TempDir
    Path tmp;

    @Test
    void theWorkloadGivesPositiveTimes() {
        Map<String, Double> m = Calibration.measure();
        assertEquals(Set.of(Calibration.GEMM, Calibration.SCALAR), m.keySet());
        m.values().forEach(v -> assertTrue(v > 0 && Double.isFinite(v), m.toString()));
    }

    @Test
    void aBracketPrefixesEachEnd() {
        assertEquals(Map.of("before.gemm_ms", 1.0, "before.scalar_ms", 2.0, "after.gemm_ms", 3.0,
            "after.scalar_ms", 4.0), Calibration.bracket(Map.of("gemm_ms", 1.0, "scalar_ms", 2.0),
            Map.of("gemm_ms", 3.0, "scalar_ms", 4.0)));
    }

    @Test
    void everyRecordOfARunCarriesTheCalibrationBeforeAndAfterItsUnit() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(Main.EXIT_OK, Cli.run(Cli.tinyRun(out, "gru,lstm")).code());
        List<RunRecord> records = new RunStore(out).records();
        assertTrue(records.size() >= 2, records.size() + " records");
        for (RunRecord r : records) {
            Map<String, Double> c = r.environment().calibration();
            assertEquals(BRACKET, c.keySet(), r.id() + ": " + c);
            c.values().forEach(v -> assertTrue(v > 0 && Double.isFinite(v), r.id() + ": " + c));
        }
    }
}
