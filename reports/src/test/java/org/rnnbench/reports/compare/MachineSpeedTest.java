package org.rnnbench.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.reports.Fixtures;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.read.ResultsReader;

/** The machine's speed from the calibrations before and after each unit, on synthetic calibrations. */
class MachineSpeedTest {
    @TempDir
    Path tmp;

    @Test
    void aRecordsFigureIsTheGeometricMeanOfItsTwoEnds() {
        Map<String, Double> f = MachineSpeed.figures(Map.of("before.gemm_ms", 4.0, "after.gemm_ms", 4.41,
            "before.scalar_ms", 2.0, "after.scalar_ms", Double.NaN));
        assertEquals(4.2, f.get("gemm_ms"), 1e-12);
        assertEquals(2.0, f.get("scalar_ms"), 1e-12, "a non-finite end is left out");
        assertEquals(3.0, MachineSpeed.figures(Map.of("gemm_ms", 3.0)).get("gemm_ms"), 1e-12,
            "the bare names of records that measured only before the first unit");
    }

    @Test
    void anEndFarSlowerThanTheOtherWasDisturbedAndTheFasterStandsForTheUnit() {
        assertEquals(0.27, MachineSpeed.figures(Map.of("before.gemm_ms", 0.27, "after.gemm_ms", 0.78))
            .get("gemm_ms"), 1e-12);
        assertEquals(0.27, MachineSpeed.figures(Map.of("before.gemm_ms", 0.81, "after.gemm_ms", 0.27))
            .get("gemm_ms"), 1e-12);
        assertEquals(Math.sqrt(10 * 11.9), MachineSpeed.figures(Map.of("before.gemm_ms", 10.0, "after.gemm_ms", 11.9))
            .get("gemm_ms"), 1e-12, "19% apart: both count");
    }

    @Test
    void aUnitWhoseCalibrationWasDisturbedAtOneEndIsJudgedByTheOther() {
        // the current units ran as fast as the baseline's, but a moment of load tripled their calibration after them:
        // judged relative to the mean of the ends (sqrt(10 x 30) = 17.3 ms) they would be x0.58, an improvement
        Comparison cmp = compare(1.0, 10, 10, 1.0, 10, 30, Fixtures.NOISELESS.withAllowMachineChange(true));
        assertEquals(List.of(), cmp.with(Verdict.IMPROVEMENT), cmp.markdown());
        cmp.findings().stream().filter(f -> f.aspect() == Aspect.STEP_TIME)
            .forEach(f -> assertEquals(1.0, f.ratio(), 1e-9, f.subject()));
    }

    @Test
    void aLoadDuringTheCurrentRunIsJudgedFromBothEndsOfItsUnits() {
        // the load came in during the current units: 10 ms before each, 11.56 after, 10.75 on average, as are the steps
        Comparison cmp = compare(1.0, 10, 10, 1.0752, 10, 11.56, Fixtures.NOISELESS.withAllowMachineChange(true));
        assertEquals(List.of(), cmp.regressions(), cmp.markdown());
        assertTrue(cmp.notes().contains("machine speed of backend scratch: its calibration took x1.08 as long in the"
            + " current run as in the baseline; each unit's step times are judged relative to its own GEMM calibration,"
            + " measured just before and after it"), cmp.notes().toString());
        assertTrue(cmp.notes().stream().anyMatch(n -> n.startsWith("the machine's speed changed during the current"
            + " run: backend scratch's calibration took x1.16 as long after its units")), cmp.notes().toString());
        assertTrue(cmp.notes().stream().noneMatch(n -> n.contains("during the baseline run")), cmp.notes().toString());
    }

    @Test
    void aRealRegressionUnderTheSameLoadIsStillFlagged() {
        Comparison cmp = compare(1.0, 9.5, 100 / 9.5, 1.4, 10, 10, Fixtures.NOISELESS);
        assertEquals(1, cmp.exitCode(), cmp.markdown());
        assertEquals(1.0, MachineSpeed.ratios(read("b"), read("c")).get("scratch"), 1e-9,
            "sqrt(9.5 x 10.53) = sqrt(10 x 10): the mean of the ends, not the slower end");
    }

    @Test
    void eachUnitIsJudgedRelativeToItsOwnCalibration() {
        // a load during the current run's first three units only: their steps and their calibrations x1.5, the rest
        // of the run as in the baseline; the backend's median calibration sees no change
        List<RunRecord> base = CompareRulesTest.baseline();
        List<RunRecord> current = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            double load = i < 3 ? 1.5 : 1.0;
            current.add(Fixtures.bracketed(Fixtures.slower(base.get(i), load), 10 * load, 10 * load));
        }
        Path b = Fixtures.write(tmp.resolve("b"), Fixtures.map(base, r -> Fixtures.bracketed(r, 10, 10)));
        Path c = Fixtures.write(tmp.resolve("c"), current);
        assertEquals(1.0, MachineSpeed.ratios(read("b"), read("c")).get("scratch"), 1e-9);
        Comparison cmp = Compare.run(b, c, Fixtures.NOISELESS);
        assertEquals(List.of(), cmp.regressions(), cmp.markdown());
        cmp.findings().stream().filter(f -> f.aspect() == Aspect.STEP_TIME)
            .forEach(f -> assertEquals(1.0, f.ratio(), 1e-9, f.subject()));
        // the same steps judged relative to the backend's calibration: the three units are x1.5
        Path flat = Fixtures.write(tmp.resolve("flat"), Fixtures.map(current, r -> Fixtures.bracketed(r, 10, 10)));
        Comparison unnormalised = Compare.run(b, flat, Fixtures.NOISELESS);
        assertEquals(3, unnormalised.findings().stream().filter(f -> f.aspect() == Aspect.STEP_TIME)
            .filter(f -> Math.abs(f.ratio() - 1.5) < 1e-9).count(), unnormalised.markdown());
    }

    @Test
    void theDriftIsTheMedianOverUnitsOfAfterOverBefore() {
        List<RunRecord> base = CompareRulesTest.baseline();
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            runs.add(Fixtures.bracketed(base.get(i), 10, i == 0 ? 40 : 11)); // one unit's end hit by a moment of load
        }
        assertEquals(1.1, MachineSpeed.drift(read(Fixtures.write(tmp.resolve("d"), runs))).get("scratch"), 1e-9);
    }

    /**
     * Compares the baseline records, {@code bSlower} times slower with GEMM calibrations {@code bBefore} and
     * {@code bAfter} in directory b, with the same records treated likewise in directory c.
     */
    private Comparison compare(double bSlower, double bBefore, double bAfter, double cSlower, double cBefore,
                               double cAfter, CompareSettings settings) {
        Path b = Fixtures.write(tmp.resolve("b"), Fixtures.map(CompareRulesTest.baseline(),
            r -> Fixtures.bracketed(Fixtures.slower(r, bSlower), bBefore, bAfter)));
        Path c = Fixtures.write(tmp.resolve("c"), Fixtures.map(CompareRulesTest.baseline(),
            r -> Fixtures.bracketed(Fixtures.slower(r, cSlower), cBefore, cAfter)));
        return Compare.run(b, c, settings);
    }

    private List<LoadedRun> read(String name) {
        return read(tmp.resolve(name));
    }

    private static List<LoadedRun> read(Path dir) {
        return ResultsReader.read(dir).runs();
    }
}
