package org.rnnbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Percentiles, the mean interval over seeds and its coverage, and warm-up trimming. */
class SummaryStatisticsTest {

    @Test
    void percentilesInterpolateBetweenOrderStatisticsLikeNumpy() {
        double[] x = {4, 1, 3, 2};
        // numpy.percentile([1, 2, 3, 4], [10, 50, 90]) = [1.3, 2.5, 3.7]
        Spread s = Spread.of(x);
        assertEquals(1.3, s.p10(), 1e-12);
        assertEquals(2.5, s.median(), 1e-12);
        assertEquals(3.7, s.p90(), 1e-12);
        assertArrayEquals(new double[] {4, 1, 3, 2}, x, "the input is not reordered");
        assertEquals(7, Percentiles.median(new double[] {9, 7, 1}));
        assertEquals(4, s.n());
    }

    @Test
    void meanIntervalUsesStudentT() {
        MeanInterval m = MeanInterval.of(new double[] {1, 2, 3, 4, 5, Double.NaN});
        assertEquals(5, m.n(), "NaN (a diverged seed) is left out");
        assertEquals(3, m.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), m.sd(), 1e-12);
        assertEquals(2.7764 * Math.sqrt(2.5) / Math.sqrt(5), m.halfWidth(), 1e-4);
        MeanInterval one = MeanInterval.of(new double[] {0.7});
        assertEquals(0.7, one.mean());
        assertTrue(Double.isNaN(one.halfWidth()), "one seed has no interval");
    }

    @Test
    void meanIntervalCovers95PercentOfSmallSamples() {
        // with n = 5, a normal-quantile interval would cover about 88%; Student t covers 95%
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        int trials = 4000;
        for (int trial = 0; trial < trials; trial++) {
            double[] x = new double[5];
            for (int i = 0; i < x.length; i++) {
                x[i] = 10 + 2 * gaussian(random);
            }
            MeanInterval m = MeanInterval.of(x);
            covered += m.low() <= 10 && 10 <= m.high() ? 1 : 0;
        }
        double coverage = (double) covered / trials;
        assertTrue(coverage > 0.935 && coverage < 0.965, "coverage " + coverage);
    }

    @Test
    void warmupStepsAreDroppedBeforeStatistics() {
        assertEquals(15, StepTimes.warmupSteps(150, 0.1));
        assertEquals(0, StepTimes.warmupSteps(9, 0.1));
        assertEquals(0, StepTimes.warmupSteps(100, 0));
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
