package org.rnnbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Normal and Student-t quantiles against tabulated values. */
class DistributionsTest {

    @Test
    void tQuantilesMatchTheTables() {
        // t(0.975; df) from any statistics table
        int[] df = {1, 2, 3, 5, 10, 20, 30, 60, 120};
        double[] t975 = {12.7062, 4.3027, 3.1824, 2.5706, 2.2281, 2.0860, 2.0423, 2.0003, 1.9799};
        for (int i = 0; i < df.length; i++) {
            assertEquals(t975[i], StudentT.quantile975(df[i]), 1e-4, "df " + df[i]);
        }
        assertEquals(63.6567, StudentT.quantile(0.995, 1), 1e-3);
        assertEquals(3.1693, StudentT.quantile(0.995, 10), 1e-4);
        assertEquals(-2.2281, StudentT.quantile(0.025, 10), 1e-4);
    }

    @Test
    void tCdfIsSymmetricAndInvertsTheQuantile() {
        assertEquals(0.5, StudentT.cdf(0, 4), 1e-12);
        assertEquals(1 - StudentT.cdf(1.3, 7), StudentT.cdf(-1.3, 7), 1e-12);
        assertEquals(0.9, StudentT.cdf(StudentT.quantile(0.9, 3), 3), 1e-10);
    }

    @Test
    void normalQuantilesMatchTheTables() {
        assertEquals(1.959964, Normal.quantile(0.975), 1e-6);
        assertEquals(2.575829, Normal.quantile(0.995), 1e-6);
        assertEquals(3.290527, Normal.quantile(0.9995), 1e-6);
        assertEquals(-1.644854, Normal.quantile(0.05), 1e-6);
        assertEquals(0.841345, Normal.cdf(1), 1e-6);
        assertEquals(StudentT.Z975, Normal.quantile(0.975), 1e-9);
    }

    @Test
    void tApproachesTheNormalForLargeDf() {
        assertEquals(Normal.quantile(0.975), StudentT.quantile975(100_000), 1e-4);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile975(0));
        assertThrows(IllegalArgumentException.class, () -> Normal.quantile(1));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0, 3));
    }
}
