package org.rnnbench.harness.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Intervals over seeds, thresholds, and how parts combine into a claim's verdict. */
class VerdictLogicTest {

    @Test
    void finiteValuesGiveTheMeanAndStudentsInterval() {
        Estimate e = Estimate.of(1, 2, 3);
        assertEquals(2, e.centre(), 1e-12);
        // t(0.975; 2) = 4.3027, s = 1, n = 3
        assertEquals(2 - 4.302653 / Math.sqrt(3), e.low(), 1e-5);
        assertEquals(2 + 4.302653 / Math.sqrt(3), e.high(), 1e-5);
        assertFalse(e.isRange());
    }

    @Test
    void anInfiniteValueMakesTheIntervalTheRangeAndNanIsLeftOut() {
        Estimate e = Estimate.of(0.5, Double.POSITIVE_INFINITY, Double.NaN, 0.7);
        assertEquals(3, e.n());
        assertEquals(0.7, e.centre(), 1e-12, "the median");
        assertEquals(0.5, e.low());
        assertEquals(Double.POSITIVE_INFINITY, e.high());
        assertTrue(e.isRange());
        assertFalse(Estimate.of(1.0).defined(), "one value has no interval");
    }

    @Test
    void thresholdsJudgeTheWholeInterval() {
        assertEquals(Verdict.HOLDS, Threshold.below(1).judge(Estimate.of(0.5, 0.6, 0.7)));
        assertEquals(Verdict.DOES_NOT_HOLD, Threshold.below(1).judge(Estimate.of(1.5, 1.6, 1.7)));
        assertEquals(Verdict.INCONCLUSIVE, Threshold.below(1).judge(Estimate.of(0.5, 1, 1.5)));
        assertEquals(Verdict.HOLDS, Threshold.above(0).judge(Estimate.of(1, 1, 1)));
        assertEquals(Verdict.DOES_NOT_HOLD, Threshold.above(0).judge(Estimate.of(0, 0, 0)), "equal is not above");
        assertEquals(Verdict.HOLDS, Threshold.within(0.9, 1.1).judge(Estimate.of(1, 1, 1)));
        assertEquals(Verdict.DOES_NOT_HOLD, Threshold.within(0.9, 1.1).judge(Estimate.of(1.3, 1.3, 1.3)));
        assertEquals(Verdict.INCONCLUSIVE, Threshold.within(0.9, 1.1).judge(Estimate.of(1.0, 1.1, 1.2)));
        assertEquals(Verdict.INCONCLUSIVE, Threshold.below(1).judge(Estimate.of()), "no values");
        assertEquals(Verdict.HOLDS, Threshold.above(1).judge(Estimate.of(Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)), "every seed diverged: above any threshold");
    }

    @Test
    void aClaimHoldsOnlyWhenEveryPartHoldsAndFailsWhenOnePartFails() {
        assertEquals(Verdict.HOLDS, Verdict.all(List.of(Verdict.HOLDS, Verdict.HOLDS)));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.all(List.of(Verdict.HOLDS, Verdict.INCONCLUSIVE)));
        assertEquals(Verdict.DOES_NOT_HOLD, Verdict.all(List.of(Verdict.INCONCLUSIVE, Verdict.DOES_NOT_HOLD)));
        assertEquals(Verdict.DOES_NOT_HOLD, Verdict.all(List.of(Verdict.DOES_NOT_HOLD, Verdict.NOT_RUN)),
            "a part that fails refutes the claim whatever did not run");
        assertEquals(Verdict.NOT_RUN, Verdict.all(List.of(Verdict.HOLDS, Verdict.INCONCLUSIVE, Verdict.NOT_RUN)));
        assertEquals(Verdict.NOT_RUN, Verdict.all(List.of()));
        assertEquals("does not hold", Verdict.DOES_NOT_HOLD.text());
    }

    @Test
    void numbersAreWrittenWithFourSignificantDigits() {
        assertEquals("0.9", Threshold.number(0.9));
        assertEquals("0.08431", Threshold.number(0.0843149));
        assertEquals("-3", Threshold.number(-3));
        assertEquals("inf", Threshold.number(Double.POSITIVE_INFINITY));
        assertEquals("6.759e+21", Threshold.number(6.7588e21));
        assertEquals("< 0.1", Threshold.below(0.1).text());
        assertEquals("in [0.9, 1.1]", Threshold.within(0.9, 1.1).text());
    }
}
