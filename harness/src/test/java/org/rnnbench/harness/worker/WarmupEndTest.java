package org.rnnbench.harness.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the warm-up stops, on a fake clock and a fake JIT. */
class WarmupEndTest {
    private static final long MS = 1_000_000L;

    private long now;
    private long compiled;

    private WarmupEnd end(long minimumMillis) {
        return new WarmupEnd(minimumMillis * MS, () -> now, () -> compiled);
    }

    /** Runs 10 ms steps until the warm-up ends; the JIT compiles for every step before {@code busyUntilMillis}. */
    private long stepsUntilEnd(WarmupEnd end, long busyUntilMillis) {
        long steps = 0;
        do {
            now += 10 * MS;
            steps++;
            if (now <= busyUntilMillis * MS) {
                compiled++;
            }
        } while (!end.afterStep());
        return steps;
    }

    @Test
    void aQuietJitStopsAtTheMinimum() {
        WarmupEnd end = end(1000);
        assertEquals(100, stepsUntilEnd(end, 0));
        assertEquals(1000, end.elapsedMillis());
    }

    @Test
    void aBusyJitKeepsItGoingUntilQuietForTheQuietTime() {
        WarmupEnd end = end(1000);
        stepsUntilEnd(end, 2500);
        assertEquals(2500 + WarmupEnd.QUIET_MILLIS, end.elapsedMillis());
    }

    @Test
    void aJitThatNeverSettlesStopsAtTheLimit() {
        WarmupEnd end = end(100);
        stepsUntilEnd(end, Long.MAX_VALUE / MS);
        assertEquals(100 * WarmupEnd.LIMIT_FACTOR, end.elapsedMillis());
    }

    @Test
    void quietMeansSeveralStepsNotOnlyTime() {
        WarmupEnd end = end(1000);
        now += 1500 * MS;
        assertFalse(end.afterStep(), "one long step is not a quiet JIT");
        for (int step = 2; step < WarmupEnd.QUIET_STEPS; step++) {
            now += MS;
            assertFalse(end.afterStep());
        }
        now += MS;
        assertTrue(end.afterStep());
    }
}
