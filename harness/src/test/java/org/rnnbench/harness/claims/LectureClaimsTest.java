package org.rnnbench.harness.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnbench.harness.claims.Experiments.adding;
import static org.rnnbench.harness.claims.Experiments.atInit;
import static org.rnnbench.harness.claims.Experiments.jsb;
import static org.rnnbench.harness.claims.Runs.spread;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.run.RunStatus;

/** Each lecture claim on synthetic records: a set where it holds, one where it does not, one that straddles. */
class LectureClaimsTest {
    // adding-T100 at H=128: the layers have 4 and 3 blocks of 128 x (2 + 128) weights and two biases; head 129
    static final long LSTM_LAYER = 4L * 128 * (2 + 128 + 2);
    static final long GRU_LAYER = 3L * 128 * (2 + 128 + 2);

    static Runs counts(long gruNative0, long gruNative1, long gruNative2) {
        long[] natives = {gruNative0, gruNative1, gruNative2};
        return new Runs()
            .all(adding("lstm", 100), r -> r.counts(LSTM_LAYER + 129, LSTM_LAYER + 129))
            .add(adding("gru", 100), (r, i) -> r.counts(GRU_LAYER + 129, natives[i]));
    }

    @Test
    void parameterCountsJudgeTheCanonicalAndNativeRatios() {
        Outcome holds = counts(GRU_LAYER + 129, GRU_LAYER + 129, GRU_LAYER + 129).judge("1");
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertEquals(0.75, holds.parts().get(0).estimate().centre(), 1e-12);
        // a native count with one more bias vector: not 3/4, and the value says by how much
        Outcome extra = counts(GRU_LAYER + 129 + 128, GRU_LAYER + 129 + 128, GRU_LAYER + 129 + 128).judge("1");
        assertEquals(Verdict.DOES_NOT_HOLD, extra.verdict());
        assertEquals(Verdict.HOLDS, extra.parts().get(0).verdict(), "the canonical count still is 3/4");
        assertEquals((GRU_LAYER + 128.0) / LSTM_LAYER, extra.parts().get(1).estimate().centre(), 1e-12);
        Outcome straddles = counts(GRU_LAYER + 129 - 50, GRU_LAYER + 129, GRU_LAYER + 129 + 50).judge("1");
        assertEquals(Verdict.INCONCLUSIVE, straddles.verdict());
    }

    static Runs stepTimes(double... gruMs) {
        return new Runs().all(adding("lstm", 100), r -> r.stepMs(10))
            .add(adding("gru", 100), (r, i) -> r.stepMs(gruMs[i]));
    }

    @Test
    void stepTimeRatioBelowOneHolds() {
        assertEquals(Verdict.HOLDS, stepTimes(7, 7.5, 8).judge("2a").verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, stepTimes(11, 11.5, 12).judge("2a").verdict());
        Outcome straddles = stepTimes(8, 10, 12).judge("2a");
        assertEquals(Verdict.INCONCLUSIVE, straddles.verdict());
        assertEquals(1.0, straddles.parts().get(0).estimate().centre(), 1e-9);
    }

    static Runs targets(double[] gruSteps, double lstmSteps) {
        Runs runs = new Runs();
        for (Arm lstm : List.of(adding("lstm", 100), jsb("lstm", 36))) {
            runs.all(lstm, r -> r.target((int) lstmSteps));
        }
        for (Arm gru : List.of(adding("gru", 100), jsb("gru", 46))) {
            runs.add(gru, (r, i) -> {
                if (Double.isFinite(gruSteps[i])) {
                    r.target((int) gruSteps[i]);
                }
            });
        }
        return runs;
    }

    @Test
    void timeToTargetRatiosCountANeverReachedTargetAsInfinitelyLate() {
        Outcome holds = targets(new double[] {500, 600, 700}, 1000).judge("2b");
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertEquals(0.6, holds.parts().get(0).estimate().centre(), 1e-12, "steps");
        assertEquals(0.6, holds.parts().get(1).estimate().centre(), 1e-12, "seconds, 10 ms a step");
        assertEquals(Verdict.DOES_NOT_HOLD, targets(new double[] {1500, 1600, 1700}, 1000).judge("2b").verdict());
        assertEquals(Verdict.INCONCLUSIVE, targets(new double[] {500, 1000, 1500}, 1000).judge("2b").verdict());
        Outcome never = targets(new double[] {500, Double.POSITIVE_INFINITY, 700}, 1000).judge("2b");
        Part steps = never.parts().get(0);
        assertTrue(steps.estimate().isRange(), "an infinite value makes the interval a range");
        assertEquals(Verdict.INCONCLUSIVE, steps.verdict(), "[0.5, inf] straddles 1");
    }

    static Runs decays(double tanh, double lstm, double gru) {
        return new Runs().all(atInit("rnn-tanh", "pytorch"), r -> r.decay(tanh))
            .all(atInit("lstm", "pytorch"), r -> r.decay(lstm)).all(atInit("gru", "pytorch"), r -> r.decay(gru));
    }

    @Test
    void vanishingGradientsCompareFittedRates() {
        Outcome holds = decays(0.1, 0.02, 0.03).judge("3");
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertEquals(1.0, holds.parts().get(0).estimate().centre(), 1e-9, "R^2 of an exact exponential");
        assertEquals(0.08, holds.parts().get(1).estimate().centre(), 1e-9);
        assertEquals(Verdict.DOES_NOT_HOLD, decays(0.01, 0.05, 0.05).judge("3").verdict());
        Outcome straddles = new Runs().add(atInit("rnn-tanh", "pytorch"), (r, i) -> r.decay(spread(0.05, 0.04, i)))
            .all(atInit("lstm", "pytorch"), r -> r.decay(0.05)).all(atInit("gru", "pytorch"), r -> r.decay(0.01))
            .judge("3");
        assertEquals(Verdict.INCONCLUSIVE, straddles.verdict());
    }

    static Runs horizons(double lstmOverChance, int[] lstmHorizon, int tanhHorizon) {
        return new Runs().add(adding("lstm", 100), (r, i) -> r.mse(lstmOverChance).horizon(lstmHorizon[i]))
            .all(adding("gru", 100), r -> r.mse(0.9).horizon(3))
            .all(adding("rnn-tanh", 100), r -> r.mse(1).horizon(tanhHorizon));
    }

    @Test
    void gatingComparesHorizonsOfCellsThatSolvedOnly() {
        Outcome holds = horizons(0.01, new int[] {100, 100, 100}, 10).judge("4");
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertEquals(1, holds.parts().size(), "the GRU did not solve the task, so it is not compared");
        assertEquals(90, holds.parts().get(0).estimate().centre(), 1e-9, "no fall within T counts as T = 100");
        assertEquals(Verdict.DOES_NOT_HOLD, horizons(0.01, new int[] {5, 6, 7}, 10).judge("4").verdict());
        assertEquals(Verdict.INCONCLUSIVE, horizons(0.01, new int[] {5, 15, 25}, 10).judge("4").verdict());
        Outcome unsolved = horizons(0.5, new int[] {100, 100, 100}, 10).judge("4");
        assertEquals(Verdict.INCONCLUSIVE, unsolved.verdict());
        assertTrue(unsolved.parts().get(0).note().contains("no gated cell solved"));
    }

    static Runs inits(double defaultRate, double[] reluIdentity) {
        Runs runs = new Runs();
        for (String cell : List.of("rnn-tanh", "rnn-relu")) {
            runs.all(atInit(cell, "pytorch"), r -> r.decay(defaultRate));
            runs.all(atInit(cell, "orthogonal"), r -> r.decay(0.01));
            if (cell.equals("rnn-tanh")) {
                runs.all(atInit(cell, "identity"), r -> r.decay(0.0));
            } else {
                runs.add(atInit(cell, "identity"), (r, i) -> r.decay(reluIdentity[i]));
            }
        }
        return runs;
    }

    @Test
    void initialisationComparesEachSchemeWithTheDefault() {
        Outcome holds = inits(0.1, new double[] {-0.01, -0.02, 0}).judge("8");
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertEquals(4, holds.parts().size());
        assertEquals(Verdict.DOES_NOT_HOLD, inits(0.1, new double[] {0.2, 0.2, 0.2}).judge("8").verdict());
        assertEquals(Verdict.INCONCLUSIVE, inits(0.1, new double[] {0.0, 0.1, 0.2}).judge("8").verdict());
    }

    static final Arm FREE = new Arm("adding-T50", "rnn-relu", 64, "kaiming", "sgd", 0.1, 0, 0, 20, 1000, null);

    static Runs clipping(Runs.PerSeed free) {
        return new Runs().add(FREE, free)
            .all(FREE.withClip(1), r -> r.losses(1, 0.5, 0.05, 0.05).metric("loss", 0.05, 1 / 6.0));
    }

    @Test
    void clippingNeedsAnExplosionWithoutItAndTrainingWithIt() {
        Outcome holds = clipping((r, i) -> {
            r.status = RunStatus.DIVERGED;
            r.losses(1, 1e30, Double.NaN);
        }).judge("9");
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertEquals(0.3, holds.parts().get(1).estimate().centre(), 1e-9, "0.05 over the chance loss 1/6");
        assertEquals(Verdict.HOLDS, holds.parts().get(2).verdict(), "test loss 0.05 against chance 1/6");
        assertEquals(Verdict.DOES_NOT_HOLD, clipping((r, i) -> r.losses(1, 0.9, 0.8)).judge("9").verdict());
        Outcome straddles = clipping((r, i) -> r.losses(1, Math.pow(10, spread(1, 0.5, i)), 0.5)).judge("9");
        assertEquals(Verdict.INCONCLUSIVE, straddles.verdict());
    }

    static final Arm FULL = new Arm("shakespeare-char-T200", "lstm", 128, "pytorch", "adam", 2e-3, 1, 0, 32, 500,
        null);

    static Runs truncation(double... truncatedMs) {
        return new Runs().all(FULL, r -> r.stepMs(10).metric("bits_per_symbol", 2.0, 6))
            .add(FULL.withTbptt(20), (r, i) -> r.stepMs(truncatedMs[i]).metric("bits_per_symbol", 2.2, 6));
    }

    @Test
    void truncationCostsLessPerStepAndReportsTheMetricsCost() {
        Outcome holds = truncation(5, 6, 7).judge("10");
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertEquals(1.1, holds.parts().get(1).estimate().centre(), 1e-9, "bits per char truncated / full");
        assertEquals(Verdict.DOES_NOT_HOLD, truncation(11, 11.5, 12).judge("10").verdict());
        assertEquals(Verdict.INCONCLUSIVE, truncation(8, 10, 12).judge("10").verdict());
    }
}
