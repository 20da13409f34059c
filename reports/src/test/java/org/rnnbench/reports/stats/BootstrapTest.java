package org.rnnbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The bootstrap interval on a ratio of percentiles: its shortcut percentile, its coverage and its power. */
class BootstrapTest {

    @Test
    void countingMedianEqualsTheMedianOfTheSortedDraws() {
        double[] sorted = {1, 2, 2.5, 4, 7, 11, 12.5};
        for (int n : new int[] {7, 6}) {
            double[] sample = Arrays.copyOf(sorted, n);
            for (long seed = 0; seed < 50; seed++) {
                // the same generator gives the same draws to both
                SplittableRandom a = new SplittableRandom(seed);
                double[] draws = new double[n];
                for (int i = 0; i < n; i++) {
                    draws[i] = sample[a.nextInt(n)];
                }
                double expected = Percentiles.median(draws);
                double actual = Bootstrap.resampledPercentile(sample, 50, new int[n], new SplittableRandom(seed));
                assertEquals(expected, actual, 0, "n " + n + " seed " + seed);
            }
        }
    }

    @Test
    void countingPercentileEqualsThePercentileOfTheSortedDraws() {
        double[] values = {1, 2, 2.5, 4, 7, 11, 12.5, 13, 20, 21, 30};
        for (double p : new double[] {0, 5, 10, 50, 90, 100}) {
            for (long seed = 0; seed < 50; seed++) {
                SplittableRandom a = new SplittableRandom(seed);
                double[] draws = new double[values.length];
                for (int i = 0; i < draws.length; i++) {
                    draws[i] = values[a.nextInt(values.length)];
                }
                Arrays.sort(draws);
                double expected = Percentiles.ofSorted(draws, p);
                double actual = Bootstrap.resampledPercentile(values, p, new int[values.length],
                    new SplittableRandom(seed));
                assertEquals(expected, actual, 1e-12, "p " + p + " seed " + seed);
            }
        }
    }

    @Test
    void theFastEndIgnoresTheSlowSteps() {
        double[] b = new double[40];
        double[] c = new double[40];
        for (int i = 0; i < 40; i++) {
            b[i] = 2.0 + i * 0.01 + (i % 3 == 0 ? 10 : 0);
            c[i] = 2.4 + i * 0.012 + (i % 2 == 0 ? 30 : 0);
        }
        RatioInterval r = Bootstrap.percentileRatio(b, c, 5, 1000, 0.95, 4);
        double[] sb = b.clone();
        double[] sc = c.clone();
        Arrays.sort(sb);
        Arrays.sort(sc);
        assertEquals(Percentiles.ofSorted(sc, 5) / Percentiles.ofSorted(sb, 5), r.ratio(), 1e-12);
        assertEquals(1.2, r.ratio(), 0.02);
        assertTrue(r.low() > 1.1 && r.high() < 1.3, r.toString());
    }

    @Test
    void intervalCoversTheTrueRatioAbout95PercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(3);
        int covered = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            double[] b = lognormal(random, 101, 1.0, 0.2);
            double[] c = lognormal(random, 101, 1.0, 0.2);
            RatioInterval r = Bootstrap.medianRatio(b, c, 1000, 0.95, t);
            covered += r.low() <= 1 && 1 <= r.high() ? 1 : 0;
        }
        double coverage = (double) covered / trials;
        assertTrue(coverage >= 0.89 && coverage <= 0.99, "coverage " + coverage);
    }

    @Test
    void aThirtyPercentSlowdownIsResolved() {
        SplittableRandom random = new SplittableRandom(11);
        double[] b = lognormal(random, 200, 2.0, 0.1);
        double[] c = lognormal(random, 200, 2.6, 0.1);
        RatioInterval r = Bootstrap.medianRatio(b, c, 2000, 0.95, 1);
        assertTrue(r.low() > 1.2 && r.high() < 1.4, r.toString());
        assertTrue(r.low() <= r.ratio() && r.ratio() <= r.high(), r.toString());
        // the standard error of log r is about sqrt(2) * (median se of one side), 1.2533 * 0.1 / sqrt(200) each
        assertEquals(Math.sqrt(2) * 1.2533 * 0.1 / Math.sqrt(200), r.logSe(), 0.004);
    }

    @Test
    void sameSeedSameInterval() {
        double[] b = lognormal(new SplittableRandom(1), 50, 1, 0.3);
        double[] c = lognormal(new SplittableRandom(2), 50, 1, 0.3);
        assertEquals(Bootstrap.medianRatio(b, c, 500, 0.95, 9), Bootstrap.medianRatio(b, c, 500, 0.95, 9));
    }

    @Test
    void emptySamplesAreRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> Bootstrap.medianRatio(new double[0], new double[] {1}, 1000, 0.95, 1));
    }

    /** n values exp(N(log median, sigma)). */
    static double[] lognormal(SplittableRandom random, int n, double median, double sigma) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = median * Math.exp(sigma * SummaryStatisticsTest.gaussian(random));
        }
        return x;
    }
}
