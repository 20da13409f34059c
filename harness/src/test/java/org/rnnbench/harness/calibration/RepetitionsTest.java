package org.rnnbench.harness.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** The calibration's statistic on scripted repetition times (no clock involved). */
class RepetitionsTest {
    /** Times of a JIT that settles after {@code slow} repetitions, with every {@code spikeEvery}-th one slowed. */
    private static final class Scripted implements Supplier<double[]> {
        private final int slow;
        private final int spikeEvery;
        int calls;

        Scripted(int slow, int spikeEvery) {
            this.slow = slow;
            this.spikeEvery = spikeEvery;
        }

        @Override
        public double[] get() {
            calls++;
            if (calls <= slow) {
                return new double[] {12.0 - calls * 0.1, 8.0}; // interpreted, then profiled code: slow
            }
            double spike = calls % spikeEvery == 0 ? 30 : 1; // another process took the core for a moment
            return new double[] {0.3 * spike, 2.2 * spike};
        }
    }

    @Test
    void theWarmUpWaitsForTheJitAndTheMedianIgnoresSpikes() {
        Scripted s = new Scripted(23, 4);
        assertArrayEquals(new double[] {0.3, 2.2}, Repetitions.medians(s), 1e-12);
        int warmup = s.calls - Repetitions.TIMED;
        assertTrue(warmup > 23, "the warm-up ran past the slow repetitions: " + warmup);
        assertEquals(0, warmup % Repetitions.BLOCK, "whole blocks");
    }

    @Test
    void aSettledWorkloadWarmsUpForTheFewestBlocks() {
        Scripted s = new Scripted(0, 1000);
        Repetitions.medians(s);
        assertEquals(Repetitions.MIN_BLOCKS * Repetitions.BLOCK + Repetitions.TIMED, s.calls);
    }

    @Test
    void aWorkloadThatNeverSettlesStopsAtTheLimit() {
        int[] n = {0};
        Supplier<double[]> drifting = () -> new double[] {100.0 * (1 + 0.1 * n[0]++)};
        Repetitions.medians(drifting);
        // each warm-up block of 5 takes at least 500 ms, so the 3000 ms limit is passed by the 6th block
        assertTrue(n[0] - Repetitions.TIMED <= 6 * Repetitions.BLOCK, n[0] + " repetitions");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertArrayEquals(new double[] {2.5, 25}, Repetitions.columnMedians(new double[][] {{4, 40}, {1, 10},
            {3, 30}, {2, 20}}), 1e-12);
    }
}
