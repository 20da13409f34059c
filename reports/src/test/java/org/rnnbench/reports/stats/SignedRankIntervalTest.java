package org.rnnbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SignedRankIntervalTest {
    @Test
    void theNullDistributionCountsEverySignPattern() {
        for (int n = 1; n <= 12; n++) {
            double[] p = SignedRankInterval.nullDistribution(n);
            int[] counts = new int[n * (n + 1) / 2 + 1];
            for (int signs = 0; signs < 1 << n; signs++) {
                int t = 0;
                for (int rank = 1; rank <= n; rank++) {
                    t += (signs >> (rank - 1) & 1) * rank;
                }
                counts[t]++;
            }
            for (int t = 0; t < counts.length; t++) {
                assertEquals(counts[t] / (double) (1 << n), p[t], 1e-15, "n=" + n + " t=" + t);
            }
        }
    }

    @Test
    void theRanksAreThoseOfThePublishedCriticalValues() {
        // two-sided 5% critical values of the signed-rank statistic (T <= c rejects): n=6: 0, 8: 3, 10: 8, 20: 52
        assertEquals(0, SignedRankInterval.lowerRank(5, 0.025), "2^-5 > 0.025: no interval");
        assertEquals(1, SignedRankInterval.lowerRank(6, 0.025));
        assertEquals(4, SignedRankInterval.lowerRank(8, 0.025));
        assertEquals(9, SignedRankInterval.lowerRank(10, 0.025));
        assertEquals(53, SignedRankInterval.lowerRank(20, 0.025));
    }

    @Test
    void oneWildValueMovesNeitherTheEstimateNorTheIntervalMuch() {
        double[] logs = {Math.log(1.08), Math.log(1.12), Math.log(1.15), Math.log(1.21), Math.log(1.14),
            Math.log(1.17), Math.log(1.10), Math.log(3.51)};
        SignedRankInterval r = SignedRankInterval.of(logs, 0.95);
        assertEquals(4, r.k());
        assertEquals(Math.log(1.10), r.low(), 0.002, "the fourth smallest Walsh average: x1.10 (or 1.08 with 1.12)");
        assertTrue(Math.exp(r.estimate()) > 1.13 && Math.exp(r.estimate()) < 1.2, "estimate " + r.estimate());
        assertTrue(Math.exp(r.high()) < 2.3, "high " + Math.exp(r.high()));
    }

    @Test
    void theFewestValuesAreThoseOfTheFirstBoundedInterval() {
        assertEquals(6, SignedRankInterval.fewestValues(0.95));
        assertEquals(7, SignedRankInterval.fewestValues(1 - 0.05 / 3));
        for (double confidence : new double[] {0.9, 0.95, 0.99, 1 - 0.05 / 3}) {
            int n = SignedRankInterval.fewestValues(confidence);
            assertEquals(0, SignedRankInterval.lowerRank(n - 1, (1 - confidence) / 2));
            assertTrue(SignedRankInterval.lowerRank(n, (1 - confidence) / 2) >= 1);
        }
    }

    @Test
    void tooFewValuesGiveAnUnboundedInterval() {
        SignedRankInterval r = SignedRankInterval.of(new double[] {1, 2, 3}, 0.95);
        assertEquals(2, r.estimate(), 0);
        assertEquals(Double.NEGATIVE_INFINITY, r.low());
        assertEquals(Double.POSITIVE_INFINITY, r.high());
    }

    @Test
    void theIntervalCoversTheCentreAtLeastAsOftenAsAsked() {
        Random rng = new Random(7);
        int covered = 0;
        int trials = 4000;
        for (int i = 0; i < trials; i++) {
            double[] x = new double[10];
            for (int j = 0; j < x.length; j++) {
                x[j] = 0.3 + rng.nextGaussian();
            }
            SignedRankInterval r = SignedRankInterval.of(x, 0.95);
            covered += r.low() <= 0.3 && 0.3 <= r.high() ? 1 : 0;
        }
        // exact coverage for n=10, k=9 is 1 - 2 P(T <= 8) = 0.9512; 4000 trials: sd 0.0034
        assertEquals(0.9512, covered / (double) trials, 0.012);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignedRankInterval.of(new double[0], 0.95));
        assertThrows(IllegalArgumentException.class, () -> SignedRankInterval.of(new double[] {Double.NaN}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> SignedRankInterval.of(new double[] {1}, 1.0));
    }
}
