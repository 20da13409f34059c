package org.rnnbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Student-t factor of the mean interval matches the tables (Commons Statistics computes it). */
class DistributionsTest {

    @Test
    void tQuantilesMatchTheTables() {
        // t(0.975; df) from any statistics table
        int[] df = {1, 2, 3, 5, 10, 20, 30, 60, 120};
        double[] t975 = {12.7062, 4.3027, 3.1824, 2.5706, 2.2281, 2.0860, 2.0423, 2.0003, 1.9799};
        for (int i = 0; i < df.length; i++) {
            assertEquals(t975[i], MeanInterval.t975(df[i]), 1e-4, "df " + df[i]);
        }
    }

    @Test
    void theIntervalOfTwoValuesUsesTheFactorOfOneDegreeOfFreedom() {
        MeanInterval m = MeanInterval.of(new double[] {1, 3});
        assertEquals(12.7062 * Math.sqrt(2) / Math.sqrt(2), m.halfWidth(), 1e-3);
    }
}
