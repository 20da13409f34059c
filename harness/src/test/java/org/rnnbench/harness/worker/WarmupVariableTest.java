package org.rnnbench.harness.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.rnnbench.harness.UsageException;

class WarmupVariableTest {
    @Test
    void unsetOrBlankIsOneSecond() {
        assertEquals(1_000_000_000L, UnitTrainer.warmupNanos(null));
        assertEquals(1_000_000_000L, UnitTrainer.warmupNanos("  "));
    }

    @Test
    void millisecondsAreTaken() {
        assertEquals(0, UnitTrainer.warmupNanos("0"));
        assertEquals(250_000_000L, UnitTrainer.warmupNanos(" 250 "));
        assertEquals(600_000_000_000L, UnitTrainer.warmupNanos("600000"));
    }

    @Test
    void aBadValueSaysWhatWouldBeRight() {
        for (String bad : new String[] {"-1", "1.5", "1s", "600001", "99999999999999999999"}) {
            UsageException e = assertThrows(UsageException.class, () -> UnitTrainer.warmupNanos(bad));
            assertTrue(e.getMessage().startsWith("RNNBENCH_WARMUP_MS=" + bad + ": not a warm-up in milliseconds"),
                e.getMessage());
            assertTrue(e.getMessage().contains("from 0 (none) to 600000"), e.getMessage());
        }
    }

    @Test
    void theTestBuildRunsWithoutWarmUp() {
        assertEquals(0, UnitTrainer.warmupNanos(System.getenv(UnitTrainer.WARMUP_VARIABLE)), "harness/pom.xml sets RNNBENCH_WARMUP_MS=0 for the tests");
    }
}
