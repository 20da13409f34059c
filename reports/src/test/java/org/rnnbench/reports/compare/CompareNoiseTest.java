package org.rnnbench.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.reports.Fixtures;
import org.rnnbench.reports.read.ResultsException;

/** The noise a comparison is told about: run noise, unit noise, machine tolerance, and the backend's rank interval. */
class CompareNoiseTest {
    @TempDir
    Path tmp;

    /** Eight configurations of one backend, one seed each, 1.0-1.7 ms per step. */
    static List<RunRecord> eight() {
        List<RunRecord> out = new ArrayList<>();
        int k = 0;
        for (String cell : new String[] {"rnn-tanh", "rnn-relu", "lstm", "gru"}) {
            for (int h : new int[] {16, 32}) {
                out.add(Fixtures.record("recall-T12-K4", "scratch", cell, h, 0, 0.8, 1.0 + 0.1 * k++));
            }
        }
        return out;
    }

    /** The baseline slowed per configuration by {@code factors}. */
    static List<RunRecord> slowed(List<RunRecord> b, double... factors) {
        List<RunRecord> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            out.add(Fixtures.slower(b.get(i), factors[i]));
        }
        return out;
    }

    Comparison compare(List<RunRecord> b, List<RunRecord> c, CompareSettings s) {
        return Compare.run(Fixtures.write(tmp.resolve("b"), b), Fixtures.write(tmp.resolve("c"), c), s);
    }

    static Finding backend(Comparison c) {
        return c.findings().stream().filter(f -> f.aspect() == Aspect.BACKEND_STEP_TIME).findFirst().orElseThrow();
    }

    @Test
    void oneWildConfigurationDoesNotHideTheShiftOfTheRest() {
        // seven configurations 8-21% slower and one 3.5 times: a mean's Student-t interval reaches below 1
        Comparison c = compare(eight(), slowed(eight(), 1.08, 1.12, 1.15, 1.21, 1.14, 1.17, 1.19, 3.51),
            Fixtures.NOISELESS);
        Finding b = backend(c);
        assertEquals(Verdict.REGRESSION, b.verdict(), c.markdown());
        assertEquals(1.16, b.ratio(), 0.02, "the Hodges-Lehmann ratio, near the seven");
        assertTrue(b.evidence().startsWith("Hodges-Lehmann over 8 configurations, signed-rank interval"), b.evidence());
    }

    @Test
    void aSlowdownBeyondTheThresholdThatTheNoiseDoesNotExplainIsFlaggedThoughItsIntervalReachesBelowIt() {
        double[] shifted = {1.13, 1.16, 1.15, 1.17, 1.14, 1.15, 1.16, 1.14};
        Comparison c = compare(eight(), slowed(eight(), shifted), Fixtures.NOISELESS.withRunNoise(0.03));
        Finding b = backend(c);
        assertEquals(Verdict.REGRESSION, b.verdict(), c.markdown());
        // x1.15 [about 1.08, 1.22]: the lower end is under the threshold x1.10, above no change
        double low = Double.parseDouble(b.change().replaceAll(".*\\[([0-9.]+),.*", "$1"));
        assertTrue(low > 1 && low < 1.10, b.change());
    }

    @Test
    void aCertainSlowdownBelowTheThresholdIsNotARegression() {
        double[] shifted = {1.05, 1.05, 1.05, 1.05, 1.05, 1.05, 1.05, 1.05};
        Comparison c = compare(eight(), slowed(eight(), shifted), Fixtures.NOISELESS);
        assertEquals(Verdict.UNCHANGED, backend(c).verdict(), c.markdown());
        assertEquals(0, c.exitCode());
    }

    @Test
    void theRunNoiseWidensTheBackendsInterval() {
        double[] shifted = {1.13, 1.16, 1.15, 1.17, 1.14, 1.15, 1.16, 1.14};
        assertEquals(Verdict.REGRESSION, backend(compare(eight(), slowed(eight(), shifted),
            Fixtures.NOISELESS)).verdict());
        Comparison noisy = compare(eight(), slowed(eight(), shifted), Fixtures.NOISELESS.withRunNoise(0.10));
        assertEquals(Verdict.UNCHANGED, backend(noisy).verdict(), noisy.markdown());
        assertEquals(List.of(), noisy.regressions(), "no unit either: each carries the run noise too");
        // one backend: z = 1.96; the lower end 1.15 / exp(hypot(spread, 1.96 x log 1.1)) is about x0.95, and a
        // slowdown is flagged (its interval above x1) from exp(that distance), about x1.21
        assertTrue(noisy.notes().stream().anyMatch(n -> n.matches("backend scratch: x1\\.15"
            + " \\[0\\.9[0-9], 1\\.[34][0-9]\\] over 8 configurations; this comparison flags a slowdown of the whole"
            + " backend from about x1\\.2[0-9]"
            + " \\(its configurations' spread and the run noise of 10\\.0%\\)")), noisy.notes().toString());
    }

    @Test
    void oneUnitJumpingWhileTheOthersHoldStillIsWithinTheUnitNoise() {
        double[] one = {1, 1, 1, 1.5, 1, 1, 1, 1};
        Comparison quiet = compare(eight(), slowed(eight(), one), Fixtures.NOISELESS);
        assertEquals(1, quiet.regressions().size(), quiet.markdown());
        assertEquals(eight().get(3).id(), quiet.regressions().get(0).subject());
        Comparison floored = compare(eight(), slowed(eight(), one), Fixtures.NOISELESS.withUnitNoise(0.20));
        assertEquals(List.of(), floored.regressions(), floored.markdown());
        double[] big = {1, 1, 1, 3.0, 1, 1, 1, 1};
        Comparison far = compare(eight(), slowed(eight(), big), Fixtures.NOISELESS.withUnitNoise(0.20));
        assertEquals(1, far.regressions().size(), "x3 is beyond 2.73 x log 1.2 + log 1.1 (8 units): "
            + far.markdown());
    }

    @Test
    void tooFewConfigurationsForTheRankIntervalAreNotJudgedAsABackend() {
        List<RunRecord> four = eight().subList(0, 5);
        Comparison c = compare(four, slowed(four, 1.5, 1.5, 1.5, 1.5, 1.5), Fixtures.NOISELESS);
        Finding b = backend(c);
        assertEquals(Verdict.NOT_COMPARED, b.verdict());
        assertEquals("5 configurations: a signed-rank interval at 95.0% needs at least 6", b.evidence());
        assertEquals(5, c.regressions().size(), "each unit is still judged: " + c.markdown());
    }

    @Test
    void theMachineToleranceDecidesWhenMachinesAreNotComparable() {
        List<RunRecord> b = Fixtures.map(eight(), r -> Fixtures.calibrated(r, 10, 20));
        List<RunRecord> c = Fixtures.map(eight(), r -> Fixtures.calibrated(Fixtures.slower(r, 1.2), 12, 24));
        Comparison within = compare(b, c, Fixtures.NOISELESS);
        assertEquals(0, within.exitCode(), "x1.2 is within the default 25%: " + within.markdown());
        ResultsException e = assertThrows(ResultsException.class, () -> compare(b, c,
            Fixtures.NOISELESS.withMachineTolerance(0.1)));
        assertTrue(e.getMessage().contains("(scratch x1.20, beyond the machine tolerance of 10.0%)"), e.getMessage());
    }

    @Test
    void eachBackendCanHaveItsOwnRunNoise() {
        List<RunRecord> b = new ArrayList<>(eight());
        eight().forEach(r -> b.add(Fixtures.record("recall-T12-K4", "djl", r.params().cell(), r.params().hidden(), 0,
            0.8, 2.0)));
        List<RunRecord> c = Fixtures.map(b, r -> Fixtures.slower(r, 1.2));
        RunNoise noise = RunNoise.parse("--run-noise", "scratch=0,15%", 0.1);
        Comparison cmp = compare(b, c, Fixtures.NOISELESS.withRunNoise(noise));
        List<String> flagged = cmp.regressions().stream().filter(f -> f.aspect() == Aspect.BACKEND_STEP_TIME)
            .map(Finding::subject).toList();
        assertEquals(List.of("backend scratch"), flagged, "djl's 15% covers its x1.2: " + cmp.markdown());
        assertTrue(cmp.markdown().contains("run noise of a whole backend (scratch=0%,15%, --run-noise)"),
            cmp.markdown());
    }

    @Test
    void theRunNoiseIsReadForAllOrPerBackend() {
        assertEquals(RunNoise.of(0.1), RunNoise.parse("--run-noise", "10%", 0.2));
        RunNoise per = RunNoise.parse("--run-noise", "dl4j=20%, djl=0.05,8%", 0.1);
        assertEquals(0.2, per.of("dl4j"), 1e-12);
        assertEquals(0.05, per.of("djl"), 1e-12);
        assertEquals(0.08, per.of("scratch"), 1e-12);
        assertEquals(0.1, RunNoise.parse("--run-noise", "dl4j=20%", 0.1).of("scratch"), 1e-12, "the rest keep 10%");
        assertEquals("djl=5%,dl4j=20%,8%", per.toString());
        for (String bad : new String[] {"10%,5%", "=5%", "dl4j=x", "dl4j=-1%", "dl4j=1%,dl4j=2%", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunNoise.parse("--run-noise", bad, 0.1));
            assertTrue(e.getMessage().startsWith("--run-noise"), e.getMessage());
        }
    }

    @Test
    void badNoiseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CompareSettings.DEFAULTS.withRunNoise(-0.01));
        assertThrows(IllegalArgumentException.class, () -> new RunNoise(0.1, java.util.Map.of("dl4j", 10.0)));
        assertThrows(IllegalArgumentException.class, () -> CompareSettings.DEFAULTS.withUnitNoise(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CompareSettings.DEFAULTS.withMachineTolerance(10));
    }
}
