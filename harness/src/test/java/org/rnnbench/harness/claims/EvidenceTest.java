package org.rnnbench.harness.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.plan.Matrix;

/** Missing and failed units make parts not run; the catalogue's ids, selection and planned matrices. */
class EvidenceTest {

    @Test
    void aMissingOrFailedUnitMakesThePartNotRunWithTheReason() {
        Runs partial = new Runs().all(Experiments.adding("lstm", 100), r -> r.stepMs(10));
        Outcome missing = partial.judge("2a");
        assertEquals(Verdict.NOT_RUN, missing.verdict());
        assertTrue(missing.parts().get(0).note().startsWith("no record of gru H128 adding-T100 seed 0"),
            missing.parts().get(0).note());
        Outcome failed = new Runs().all(Experiments.adding("lstm", 100), r -> r.stepMs(10))
            .all(Experiments.adding("gru", 100), r -> r.status = RunStatus.FAILED).judge("2a");
        assertEquals(Verdict.NOT_RUN, failed.verdict());
        assertTrue(failed.parts().get(0).note().contains("FAILED"));
    }

    @Test
    void otherBackendsAndThreadCountsAreNotTheseRecords() {
        Runs runs = new Runs().all(Experiments.adding("lstm", 100), r -> r.stepMs(10))
            .all(Experiments.adding("gru", 100), r -> r.stepMs(5));
        Claim c = ClaimCatalog.select(List.of("2a")).get(0);
        assertEquals(Verdict.HOLDS, c.judge(new Evidence(runs.records(), "scratch", Runs.SEEDS, 1)).verdict());
        assertEquals(Verdict.NOT_RUN, c.judge(new Evidence(runs.records(), "djl", Runs.SEEDS, 1)).verdict());
        assertEquals(Verdict.NOT_RUN, c.judge(new Evidence(runs.records(), "scratch", Runs.SEEDS, 2)).verdict());
    }

    @Test
    void theCatalogueHasTheIssuesClaimsAndPlansEachArmOnce() {
        List<String> ids = ClaimCatalog.all().stream().map(Claim::id).toList();
        assertEquals(List.of("1", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"), ids);
        assertEquals(List.of("3", "5"), ClaimCatalog.select(List.of("5", " 3")).stream().map(Claim::id).toList());
        List<Matrix> m = ClaimCatalog.matrices(ClaimCatalog.select(List.of("1", "2a", "5")), List.of("scratch"),
            Runs.SEEDS);
        assertEquals(5, m.size(), "LSTM and GRU at T=100 (shared by the three claims), LSTM at T=200, tanh at 100"
            + " and 200: " + m);
        for (Claim c : ClaimCatalog.all()) {
            assertTrue(c.arms().size() >= 1 && !c.source().isBlank() && !c.setting().isBlank(), c.id());
        }
    }
}
