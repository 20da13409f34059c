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

/** Repeated runs of a side, pooled unit by unit: the machine speed of each run, the noise that is left. */
class PooledRunsTest {
    @TempDir
    Path tmp;

    private List<Path> side(String name, List<List<RunRecord>> runs) {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            dirs.add(Fixtures.write(tmp.resolve(name + i), runs.get(i)));
        }
        return dirs;
    }

    private static List<RunRecord> at(List<RunRecord> records, double slower, double gemmMs) {
        return Fixtures.map(records, r -> Fixtures.bracketed(Fixtures.slower(r, slower), gemmMs, gemmMs));
    }

    @Test
    void aSlowdownOneRunASideCannotTellFromTheRunNoiseIsFlaggedWithThreeRunsASide() {
        List<RunRecord> eight = CompareNoiseTest.eight();
        double[] shifted = {1.14, 1.16, 1.15, 1.17, 1.13, 1.15, 1.16, 1.14};
        List<RunRecord> slow = CompareNoiseTest.slowed(eight, shifted);
        CompareSettings s = Fixtures.NOISELESS.withRunNoise(0.10);
        Comparison one = Compare.run(side("b", List.of(eight)), side("c", List.of(slow)), s);
        assertEquals(Verdict.UNCHANGED, CompareNoiseTest.backend(one).verdict(), one.markdown());

        Comparison three = Compare.run(side("bb", List.of(eight, eight, eight)), side("cc", List.of(slow, slow, slow)),
            s);
        Finding backend = CompareNoiseTest.backend(three);
        assertEquals(Verdict.REGRESSION, backend.verdict(), three.markdown());
        assertEquals(1.15, backend.ratio(), 0.01);
        assertTrue(three.notes().stream().anyMatch(n -> n.startsWith("backend scratch: repeated runs pooled (3"
            + " baseline, 3 current") && n.contains("run noise counts x0.577")), three.notes().toString());
        assertTrue(three.markdown().contains("(3 repeated runs pooled, 24 runs)"), three.markdown());
        assertEquals(8, three.findings().stream().filter(f -> f.aspect() == Aspect.STEP_TIME).count(),
            "a unit is judged once however many runs a side pools");
    }

    @Test
    void eachRepeatedRunCountsAtTheMachineSpeedItRanAt() {
        // the second baseline run had a machine half as fast (GEMM 20 ms instead of 10) and its steps took twice as
        // long; the current run ran at the first run's speed with the same steps: nothing changed
        List<RunRecord> eight = CompareNoiseTest.eight();
        List<Path> b = side("b", List.of(at(eight, 1, 10), at(eight, 2, 20)));
        List<Path> c = side("c", List.of(at(eight, 1, 10)));
        Comparison cmp = Compare.run(b, c, Fixtures.NOISELESS.withAllowMachineChange(true));
        cmp.findings().stream().filter(f -> f.aspect() == Aspect.STEP_TIME)
            .forEach(f -> assertEquals(1.0, f.ratio(), 1e-9, f.subject()));
        assertEquals(List.of(), cmp.regressions(), cmp.markdown());
    }

    @Test
    void aDirectoryNamedTwiceOnOneSideIsRefused() {
        Path b = Fixtures.write(tmp.resolve("b"), CompareNoiseTest.eight());
        ResultsException e = assertThrows(ResultsException.class, () -> Compare.run(List.of(b, b.resolve(".")),
            List.of(b), CompareSettings.DEFAULTS));
        assertTrue(e.getMessage().contains("named twice as a baseline"), e.getMessage());
    }

    @Test
    void repeatedRunsDoNotShrinkTheSeedSpreadOfAMetric() {
        // two seeds at 0.80 and 0.84 in each of three baseline runs: the seed standard deviation is that of two
        // values (0.0283), not of six; a current accuracy 0.07 lower is within 3 of them (3 x 0.0219 = 0.066 if the six counted)
        List<RunRecord> base = List.of(Fixtures.record("recall-T12-K4", "scratch", "lstm", 16, 1, 0.80, 1.0),
            Fixtures.record("recall-T12-K4", "scratch", "lstm", 16, 2, 0.84, 1.0));
        List<RunRecord> current = List.of(Fixtures.withMetric(base.get(0), 0.73), base.get(1));
        Comparison cmp = Compare.run(side("b", List.of(base, base, base)), side("c", List.of(current)),
            Fixtures.NOISELESS.withChanceFraction(0));
        assertEquals(List.of(), cmp.regressions().stream().filter(f -> f.aspect() == Aspect.METRIC).toList(),
            cmp.markdown());
    }
}
