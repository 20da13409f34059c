package org.rnnbench.harness.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnbench.harness.claims.Experiments.adding;
import static org.rnnbench.harness.claims.Experiments.jsb;
import static org.rnnbench.harness.claims.Runs.spread;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.run.RunStatus;

/** Each published claim on synthetic records: a set where it holds, one where it does not, one that straddles. */
class PublishedClaimsTest {

    static Runs addingRuns(double lstm200Centre, double lstm200Spread, double tanh) {
        return new Runs().all(Experiments.adding("lstm", 100), r -> r.mse(0.01))
            .add(Experiments.adding("lstm", 200), (r, i) -> r.mse(spread(lstm200Centre, lstm200Spread, i)))
            .all(Experiments.adding("rnn-tanh", 100), r -> r.mse(tanh))
            .all(Experiments.adding("rnn-tanh", 200), r -> r.mse(tanh));
    }

    @Test
    void addingNeedsTheLstmBelowTenPercentAndTheTanhRnnAboveNinety() {
        assertEquals(Verdict.HOLDS, addingRuns(0.02, 0.01, 0.99).judge("5").verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, addingRuns(0.5, 0.01, 0.99).judge("5").verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, addingRuns(0.02, 0.01, 0.5).judge("5").verdict(), "a tanh RNN that learned");
        assertEquals(Verdict.INCONCLUSIVE, addingRuns(0.1, 0.05, 0.99).judge("5").verdict());
    }

    @Test
    void aDivergedRunCountsAsInfinitelyBad() {
        Outcome o = new Runs().all(Experiments.adding("lstm", 100), r -> r.mse(0.01))
            .all(Experiments.adding("lstm", 200), r -> {
                r.mse(0.01);
                r.status = RunStatus.DIVERGED;
            })
            .all(Experiments.adding("rnn-tanh", 100), r -> r.mse(1))
            .all(Experiments.adding("rnn-tanh", 200), r -> r.mse(1)).judge("5");
        assertEquals(Verdict.DOES_NOT_HOLD, o.parts().get(1).verdict());
        assertEquals(Double.POSITIVE_INFINITY, o.parts().get(1).estimate().centre());
    }

    static final Arm COPY_100 = new Arm("copy-T100-K8", "lstm", 128, "pytorch", "rmsprop", 1e-3, 1, 0, 20, 3000,
        null);
    static final Arm COPY_10 = COPY_100.onTask("copy-T10-K8");

    static Runs copy(double longer, double shorterCentre, double shorterSpread) {
        return new Runs().all(COPY_100, r -> r.metric("loss", longer * 0.173, 0.173))
            .add(COPY_10, (r, i) -> r.metric("loss", spread(shorterCentre, shorterSpread, i) * 0.69, 0.69));
    }

    @Test
    void copyNeedsTheBaselineAtLongLengthsAndBetterAtShortOnes() {
        assertEquals(Verdict.HOLDS, copy(1.0, 0.3, 0.05).judge("6").verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, copy(0.5, 0.3, 0.05).judge("6").verdict());
        assertEquals(Verdict.INCONCLUSIVE, copy(1.0, 0.9, 0.05).judge("6").verdict());
    }

    static final Arm IRNN = new Arm("adding-T150", "rnn-relu", 100, "identity", "sgd", 1e-2, 1, 0, 16, 8000, null);

    static Runs irnn(double centre, double d, double tanh) {
        return new Runs().add(IRNN, (r, i) -> r.mse(spread(centre, d, i)))
            .all(IRNN.withCell("rnn-tanh").withInit("pytorch"), r -> r.mse(tanh));
    }

    @Test
    void irnnNeedsTheIrnnToSolveAndTheTanhRnnNot() {
        assertEquals(Verdict.HOLDS, irnn(0.02, 0.01, 0.98).judge("7").verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, irnn(0.9, 0.01, 0.98).judge("7").verdict());
        assertEquals(Verdict.INCONCLUSIVE, irnn(0.1, 0.05, 0.98).judge("7").verdict());
    }

    static Runs jsbRuns(double tanhCentre, double tanhSpread, double gru, double lstm) {
        return new Runs().add(jsb("rnn-tanh", 100), (r, i) -> r.metric("nll_per_step",
                spread(tanhCentre, tanhSpread, i), 11.09))
            .all(jsb("gru", 46), r -> r.metric("nll_per_step", gru, 11.09))
            .all(jsb("lstm", 36), r -> r.metric("nll_per_step", lstm, 11.09));
    }

    @Test
    void jsbNeedsEachNllWithinTenPercentAndTheOrder() {
        Outcome holds = jsbRuns(9.19, 0.05, 8.54, 8.67).judge("11");
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertEquals(1.0, holds.parts().get(0).estimate().centre(), 1e-9);
        Outcome gruWorse = jsbRuns(9.19, 0.05, 8.9, 8.67).judge("11");
        assertEquals(Verdict.DOES_NOT_HOLD, gruWorse.verdict(), "the order GRU <= LSTM fails");
        assertEquals(Verdict.HOLDS, gruWorse.parts().get(1).verdict(), "8.9 is within 10% of 8.54");
        assertEquals(Verdict.INCONCLUSIVE, jsbRuns(9.19 * 1.1, 0.5, 8.54, 8.67).judge("11").verdict());
    }

    static Runs minimal(double minGruCentre, double d) {
        return new Runs().all(adding("gru", 100), r -> r.mse(0.02).counts(50817, 50817))
            .add(adding("min-gru", 100), (r, i) -> r.mse(0.02 + spread(minGruCentre, d, i)).counts(33409, 33409))
            .all(adding("lstm", 100), r -> r.mse(0.01).counts(67713, 67713))
            .all(adding("min-lstm", 100), r -> r.mse(0.02).counts(50177, 50177));
    }

    @Test
    void minimalCellsMatchWithFewerParametersOrAreNotRunWhenTheBuildLacksThem() {
        assertEquals(Verdict.HOLDS, minimal(0.01, 0.005).judge("12").verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, minimal(0.5, 0.01).judge("12").verdict());
        assertEquals(Verdict.INCONCLUSIVE, minimal(0.05, 0.03).judge("12").verdict());
        Outcome unknown = minimal(0.01, 0.005).judge("12", cell -> !cell.startsWith("min-"));
        assertEquals(Verdict.NOT_RUN, unknown.verdict());
        assertTrue(unknown.parts().stream().allMatch(p -> p.note().contains("unknown to this build")));
    }
}
