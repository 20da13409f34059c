package org.rnnbench.harness.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecayFitTest {
    /** norm_t = exp(-lambda * (T-1-t)): the last step has norm 1, each step back multiplies by exp(-lambda). */
    private static double[] exponential(int time, double lambda) {
        double[] n = new double[time];
        for (int t = 0; t < time; t++) {
            n[t] = Math.exp(-lambda * (time - 1 - t));
        }
        return n;
    }

    @Test
    void anExponentialCurveGivesItsRateAndHorizon() {
        DecayFit f = DecayFit.of(exponential(200, 0.1));
        assertEquals(0.1, f.rate(), 1e-12);
        // 1e-3 is reached when 0.1 k > ln 1000 = 6.9078: k = 70
        assertEquals(70, f.horizon());
        assertEquals(200, f.points());
        assertEquals(1.0, f.r2(), 1e-12, "an exact exponential is a straight line in log space");
    }

    @Test
    void aCurveThatIsNotExponentialHasALowerRSquared() {
        double[] n = exponential(100, 0.1);
        // a step: flat for the last half, then a drop by 1e-4 (log-linear fit poor)
        for (int t = 0; t < 100; t++) {
            n[t] = t < 50 ? 1e-4 : 1;
        }
        DecayFit f = DecayFit.of(n);
        assertEquals(0.75008, f.r2(), 1e-5, "a two-level step over t = 0..99: r^2 = 12.5^2 / (833.25 * 0.25)");
    }

    @Test
    void aGrowingCurveHasANegativeRateAndNoHorizon() {
        DecayFit f = DecayFit.of(exponential(50, -0.05));
        assertEquals(-0.05, f.rate(), 1e-12);
        assertEquals(-1, f.horizon());
    }

    @Test
    void zerosAndNonFiniteValuesAreLeftOutOfTheFitButCountForTheHorizon() {
        double[] n = exponential(100, 0.2);
        for (int t = 0; t < 30; t++) {
            n[t] = 0; // underflow far back in time
        }
        n[40] = Double.NaN;
        DecayFit f = DecayFit.of(n);
        assertEquals(0.2, f.rate(), 1e-12);
        assertEquals(69, f.points());
        assertEquals(35, f.horizon(), "0.2 k > 6.9078 first at k = 35");
    }

    @Test
    void theUnderflowFloorIsLeftOutOfTheFit() {
        double[] n = exponential(1000, 0.5);
        for (int t = 0; t < n.length; t++) {
            n[t] = Math.max(n[t], 2.9e-44); // float32 denormals, where one backend keeps what another flushes
        }
        DecayFit f = DecayFit.of(n);
        assertEquals(0.5, f.rate(), 1e-12);
        assertEquals(93, f.points(), "the steps within 20 decades of the largest norm: 0.5 k <= 46.05");
    }

    @Test
    void degenerateCurvesHaveNoRateAndNoHorizon() {
        assertTrue(Double.isNaN(DecayFit.of(new double[] {1.0}).rate()));
        assertTrue(Double.isNaN(DecayFit.of(new double[0]).rate()));
        assertEquals(-1, DecayFit.of(new double[0]).horizon());
        assertEquals(-1, DecayFit.of(new double[] {1, 0}).horizon(), "a zero last norm has no horizon");
        assertEquals(1, DecayFit.of(new double[] {0, 1}).horizon());
    }
}
