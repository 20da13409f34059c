package org.rnnbench.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.reports.Fixtures;

/**
 * The gate on real, noisy timings: two runs of the same configurations measured one after the other in two JVMs
 * ({@code fixtures/run-a}, {@code run-b}), and copies of the second with every per-step time scaled.
 */
class CompareFixtureTest {
    /**
     * The fixture's two runs were made back to back on a quiet machine: a run noise of 2% for them (the default is
     * that of a busy 2-vCPU VM, against which a 30% slowdown of one pair of runs is not sure to show).
     */
    static final CompareSettings QUIET = CompareSettings.DEFAULTS.withRunNoise(0.02);

    @TempDir
    Path tmp;

    @Test
    void twoRunsOfTheSameConfigurationAreNotFlagged() {
        Comparison c = Compare.run(Fixtures.run("run-a"), Fixtures.run("run-b"), CompareSettings.DEFAULTS);
        assertEquals(List.of(), c.regressions(), c.markdown());
        assertEquals(List.of(), c.with(Verdict.IMPROVEMENT), c.markdown());
        assertEquals(0, c.exitCode());
        assertEquals(List.of(), c.onlyInBaseline());
        assertEquals(List.of(), c.onlyInCurrent());
        // every unit got a status, a metric and a step-time verdict, plus one for the backend
        assertEquals(54 * 3 + 1, c.findings().size());
        assertTrue(c.markdown().startsWith("## rnnbench compare: no regression"), c.markdown());
    }

    @Test
    void theRunsReallyDifferInTime() {
        // the fixture is not two copies of one file: per-unit medians move by several percent between the runs
        Comparison c = Compare.run(Fixtures.run("run-a"), Fixtures.run("run-b"), CompareSettings.DEFAULTS);
        long moved = c.findings().stream().filter(f -> f.aspect() == Aspect.STEP_TIME)
            .filter(f -> Math.abs(f.ratio() - 1) > 0.05).count();
        assertTrue(moved >= 5, moved + " units moved by more than 5%");
    }

    @Test
    void anInjectedThirtyPercentSlowdownIsFlagged() {
        Path slow = Fixtures.write(tmp.resolve("slow"), Fixtures.map(Fixtures.records("run-b"),
            r -> Fixtures.slower(r, 1.3)));
        Comparison c = Compare.run(Fixtures.run("run-a"), slow, QUIET);
        assertEquals(1, c.exitCode(), c.markdown());
        Finding backend = backend(c);
        assertEquals(Verdict.REGRESSION, backend.verdict(), backend.toString());
        assertEquals(1.3 * backend(Compare.run(Fixtures.run("run-a"), Fixtures.run("run-b"),
            QUIET)).ratio(), backend.ratio(), 0.01);
        assertEquals(List.of(), c.with(Verdict.IMPROVEMENT));
        assertTrue(c.markdown().contains("### Regressions"), c.markdown());
        assertTrue(c.regressions().stream().allMatch(f -> f.aspect() == Aspect.STEP_TIME
            || f.aspect() == Aspect.BACKEND_STEP_TIME), "metrics and status did not change");
    }

    @Test
    void anInjectedThirtyPercentSpeedUpIsAnImprovement() {
        Path fast = Fixtures.write(tmp.resolve("fast"), Fixtures.map(Fixtures.records("run-b"),
            r -> Fixtures.slower(r, 1 / 1.3)));
        Comparison c = Compare.run(Fixtures.run("run-a"), fast, QUIET);
        assertEquals(0, c.exitCode(), c.markdown());
        assertEquals(Verdict.IMPROVEMENT, backend(c).verdict());
    }

    @Test
    void aLargerThresholdLetsTheSlowdownPass() {
        Path slow = Fixtures.write(tmp.resolve("slow"), Fixtures.map(Fixtures.records("run-b"),
            r -> Fixtures.slower(r, 1.3)));
        Comparison c = Compare.run(Fixtures.run("run-a"), slow, CompareSettings.DEFAULTS.withThreshold(0.5));
        assertEquals(0, c.exitCode(), c.markdown());
    }

    static Finding backend(Comparison c) {
        return c.findings().stream().filter(f -> f.aspect() == Aspect.BACKEND_STEP_TIME).findFirst().orElseThrow();
    }
}
