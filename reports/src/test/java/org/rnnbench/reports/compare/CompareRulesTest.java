package org.rnnbench.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.reports.Fixtures;
import org.rnnbench.reports.read.ResultsException;

/** The verdict rules on small hand-made results whose right answer is known. */
class CompareRulesTest {
    @TempDir
    Path tmp;

    /** Four configurations x two seeds on one backend, about 1 ms per step, each unit a little different. */
    static List<RunRecord> baseline() {
        List<RunRecord> out = new ArrayList<>();
        String[] cells = {"lstm", "gru"};
        int[] hidden = {16, 32};
        int k = 0;
        for (String cell : cells) {
            for (int h : hidden) {
                for (long seed = 1; seed <= 2; seed++) {
                    out.add(Fixtures.record("recall-T12-K4", "scratch", cell, h, seed, 0.80 + 0.02 * seed,
                        1.0 + 0.01 * k++));
                }
            }
        }
        return out;
    }

    Comparison compare(List<RunRecord> baseline, List<RunRecord> current) {
        return Compare.run(Fixtures.write(tmp.resolve("b"), baseline), Fixtures.write(tmp.resolve("c"), current),
            Fixtures.NOISELESS);
    }

    static Finding finding(Comparison c, String id, Aspect aspect) {
        return c.findings().stream().filter(f -> f.subject().equals(id) && f.aspect() == aspect).findFirst()
            .orElseThrow(() -> new AssertionError("no " + aspect + " finding for " + id));
    }

    @Test
    void withLittleNoiseOneSlowedUnitIsTheOneFlagged() {
        List<RunRecord> b = baseline();
        List<RunRecord> c = new ArrayList<>(b);
        c.set(3, Fixtures.slower(b.get(3), 1.3));
        Comparison cmp = compare(b, c);
        assertEquals(1, cmp.regressions().size(), cmp.markdown());
        assertEquals(b.get(3).id(), cmp.regressions().get(0).subject());
        assertEquals(1.3, cmp.regressions().get(0).ratio(), 0.01);
        assertEquals(1, cmp.exitCode());
    }

    @Test
    void aSlowerMachineIsNotBlamedOnTheCode() {
        List<RunRecord> b = Fixtures.map(baseline(), r -> Fixtures.calibrated(r, 10, 20));
        List<RunRecord> loaded = Fixtures.map(baseline(), r -> Fixtures.calibrated(Fixtures.slower(r, 1.4), 14, 28));
        ResultsException e = assertThrows(ResultsException.class, () -> compare(b, loaded));
        assertTrue(e.getMessage().startsWith("the machines are not comparable: the calibration workload ran at"
            + " another speed in " + tmp.resolve("c") + " than in " + tmp.resolve("b") + " (scratch x1.40, beyond the"
            + " machine tolerance of 25.0%)"), e.getMessage());
        Comparison allowed = Compare.run(Fixtures.write(tmp.resolve("b"), b), Fixtures.write(tmp.resolve("c"),
            loaded), Fixtures.NOISELESS.withAllowMachineChange(true));
        assertEquals(List.of(), allowed.regressions(), allowed.markdown());
        assertTrue(allowed.notes().stream().anyMatch(n -> n.startsWith("machine speed of backend scratch: its"
            + " calibration took x1.40 as long")), allowed.notes().toString());
        List<RunRecord> uncalibrated = Fixtures.map(baseline(), r -> Fixtures.slower(r, 1.4));
        assertEquals(1, compare(baseline(), uncalibrated).exitCode(), "without a calibration the step times count");
    }

    @Test
    void aRegressionOnAComparableMachineIsStillFlagged() {
        List<RunRecord> b = Fixtures.map(baseline(), r -> Fixtures.calibrated(r, 10, 20));
        List<RunRecord> c = Fixtures.map(baseline(), r -> Fixtures.calibrated(Fixtures.slower(r, 1.5), 10.5, 21));
        Comparison cmp = compare(b, c);
        assertEquals(1, cmp.exitCode(), cmp.markdown());
        Finding backend = cmp.findings().stream().filter(f -> f.aspect() == Aspect.BACKEND_STEP_TIME).findFirst()
            .orElseThrow();
        assertEquals(1.5 / 1.05, backend.ratio(), 0.02, "judged relative to the machine's 5% slowdown");
    }

    @Test
    void aSlowdownBelowTheThresholdIsNotARegression() {
        List<RunRecord> b = baseline();
        List<RunRecord> c = new ArrayList<>(b);
        c.set(3, Fixtures.slower(b.get(3), 1.05));
        Comparison cmp = compare(b, c);
        assertEquals(List.of(), cmp.regressions(), cmp.markdown());
        assertEquals(Verdict.UNCHANGED, finding(cmp, b.get(3).id(), Aspect.STEP_TIME).verdict());
    }

    @Test
    void aDivergedRunIsARegressionAndARecoveredOneAnImprovement() {
        List<RunRecord> b = new ArrayList<>(baseline());
        b.set(0, Fixtures.with(b.get(0), RunStatus.FAILED, "out of memory", b.get(0).stepNanos(), Map.of()));
        List<RunRecord> c = new ArrayList<>(baseline());
        c.set(1, Fixtures.with(c.get(1), RunStatus.DIVERGED, "the loss became NaN at step 7", c.get(1).stepNanos(),
            Map.of("accuracy", Double.NaN)));
        Comparison cmp = compare(b, c);
        assertEquals(Verdict.IMPROVEMENT, finding(cmp, b.get(0).id(), Aspect.STATUS).verdict());
        Finding diverged = finding(cmp, b.get(1).id(), Aspect.STATUS);
        assertEquals(Verdict.REGRESSION, diverged.verdict());
        assertEquals("OK -> DIVERGED", diverged.change());
        assertTrue(diverged.evidence().contains("NaN at step 7"), diverged.evidence());
        assertEquals(1, cmp.exitCode());
    }

    @Test
    void aMetricChangeIsJudgedAgainstTheSeedSpread() {
        // the two seeds of each configuration score 0.82 and 0.84: sd 0.0141, 3 sd = 0.042; chance distance
        // 0.82 - 0.25 = 0.57, 10% of it = 0.057; the tolerance is the larger, 0.057
        List<RunRecord> b = baseline();
        List<RunRecord> c = new ArrayList<>(b);
        c.set(0, Fixtures.withMetric(b.get(0), 0.82 - 0.07));
        c.set(2, Fixtures.withMetric(b.get(2), 0.82 - 0.04));
        c.set(4, Fixtures.withMetric(b.get(4), 0.82 + 0.07));
        Comparison cmp = compare(b, c);
        assertEquals(Verdict.REGRESSION, finding(cmp, b.get(0).id(), Aspect.METRIC).verdict());
        assertEquals(Verdict.UNCHANGED, finding(cmp, b.get(2).id(), Aspect.METRIC).verdict());
        assertEquals(Verdict.IMPROVEMENT, finding(cmp, b.get(4).id(), Aspect.METRIC).verdict());
    }

    @Test
    void aWideSeedSpreadWidensTheMetricTolerance() {
        // seeds at 0.5 and 0.9: sd 0.283, 3 sd = 0.85, so a drop of 0.3 is within the noise
        List<RunRecord> b = List.of(Fixtures.record("t", "scratch", "gru", 8, 1, 0.5, 1),
            Fixtures.record("t", "scratch", "gru", 8, 2, 0.9, 1));
        List<RunRecord> c = List.of(b.get(0), Fixtures.withMetric(b.get(1), 0.6));
        assertEquals(Verdict.UNCHANGED, finding(compare(b, c), b.get(1).id(), Aspect.METRIC).verdict());
    }

    @Test
    void withOneSeedTheDistanceToChanceSetsTheScale() {
        // baseline 0.85, chance 0.25: tolerance 0.06
        List<RunRecord> b = List.of(Fixtures.record("t", "scratch", "gru", 8, 1, 0.85, 1));
        Comparison worse = compare(b, List.of(Fixtures.withMetric(b.get(0), 0.78)));
        assertEquals(Verdict.REGRESSION, finding(worse, b.get(0).id(), Aspect.METRIC).verdict());
        assertTrue(finding(worse, b.get(0).id(), Aspect.METRIC).evidence().contains("one seed"));
        Comparison close = compare(b, List.of(Fixtures.withMetric(b.get(0), 0.80)));
        assertEquals(Verdict.UNCHANGED, finding(close, b.get(0).id(), Aspect.METRIC).verdict());
    }

    @Test
    void unitsOnOneSideOnlyAreListedNotDropped() {
        List<RunRecord> b = baseline();
        List<RunRecord> c = new ArrayList<>(b.subList(2, b.size()));
        RunRecord extra = Fixtures.record("recall-T12-K4", "djl", "gru", 16, 1, 0.8, 2);
        c.add(extra);
        Comparison cmp = compare(b, c);
        assertEquals(List.of(b.get(1).id(), b.get(0).id()).stream().sorted().toList(), cmp.onlyInBaseline());
        assertEquals(List.of(extra.id()), cmp.onlyInCurrent());
        String md = cmp.markdown();
        assertTrue(md.contains("### Only in the baseline (2)") && md.contains("`" + b.get(0).id() + "`")
            && md.contains("`" + b.get(1).id() + "`") && md.contains("### Only in the current run (1)")
            && md.contains("`" + extra.id() + "`"), md);
        assertEquals(0, cmp.exitCode(), "a missing unit is listed, not a regression");
        assertTrue(md.startsWith("## rnnbench compare: no regression (6 units compared, 3 not: 2 only in the"
            + " baseline, 1 only in the current run)\n"), md);
        assertTrue(compare(b, b).markdown().startsWith("## rnnbench compare: no regression (8 units compared)\n"));
    }

    @Test
    void nothingInCommonIsBadInputNamingBothDirectoriesAndTheirUnits() {
        List<RunRecord> b = baseline();
        List<RunRecord> other = List.of(Fixtures.record("recall-T12-K4", "djl", "gru", 16, 1, 0.8, 2));
        ResultsException e = assertThrows(ResultsException.class, () -> compare(b, other));
        assertEquals("no unit is in both " + tmp.resolve("b") + " (8 units) and " + tmp.resolve("c") + " (1 unit),"
            + " so nothing can be compared; compare results of the same suite or matrix", e.getMessage());
    }

    @Test
    void tooFewStepsAreNotCompared() {
        RunRecord r = Fixtures.record("t", "scratch", "gru", 8, 1, 0.8, 1);
        RunRecord shortRun = Fixtures.with(r, RunStatus.DIVERGED, "NaN", new long[] {1_000_000, 1_000_000},
            Map.of());
        Comparison cmp = compare(List.of(r), List.of(shortRun));
        assertEquals(Verdict.NOT_COMPARED, finding(cmp, r.id(), Aspect.STEP_TIME).verdict());
    }

    @Test
    void differentMachinesAreNoted() {
        RunRecord r = Fixtures.record("t", "scratch", "gru", 8, 1, 0.8, 1);
        RunRecord elsewhere = Fixtures.records("run-a").get(0);
        RunRecord other = r.withEnvironment(elsewhere.environment());
        Comparison cmp = compare(List.of(r), List.of(other));
        assertTrue(cmp.notes().stream().anyMatch(n -> n.startsWith("CPU differs")), cmp.notes().toString());
    }

    @Test
    void badInputNamesTheDirectory() {
        ResultsException e = assertThrows(ResultsException.class, () -> Compare.run(tmp.resolve("missing"),
            tmp, Fixtures.NOISELESS));
        assertTrue(e.getMessage().contains(tmp.resolve("missing").toString()), e.getMessage());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> CompareSettings.DEFAULTS.withThreshold(-0.1));
        assertThrows(IllegalArgumentException.class, () -> CompareSettings.DEFAULTS.withWarmupFraction(1));
        assertEquals(0.2, CompareSettings.DEFAULTS.withThreshold(0.2).threshold());
        assertEquals(0.15, CompareSettings.parseFraction("--threshold", "15%"), 1e-12);
        assertEquals(0.15, CompareSettings.parseFraction("--threshold", " 0.15 "), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> CompareSettings.parseFraction("--threshold", "ten"));
        assertEquals("--threshold needs a number such as 0.1 or 10%, got 'ten'", e.getMessage());
    }
}
