package org.rnnbench.harness.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.harness.worker.ProbeTensors;

/** The verdicts of the verify table: ok, FAIL, known (not counted), skipped, FAILED backend. */
class VerifyReportTest {
    private static Map<String, Tensor> probe(float scale) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (String name : List.of(ProbeTensors.OUTPUT, ProbeTensors.H_N, ProbeTensors.GRAD_INPUT,
            ProbeTensors.GRAD + "weight_ih_l0")) {
            m.put(name, new Tensor(name, new int[] {2}, new float[] {1, 2 * scale}));
        }
        return m;
    }

    private static String report(CellType cell, Map<String, ProbeRunner.Result> results, boolean[] passed) {
        VerifyCase c = VerifyCase.random(new CellSpec(cell, 2, 3, 1), Init.PYTORCH, 0, 1, 2);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        VerifyReport r = new VerifyReport(1e-4);
        r.add(out, cell.id(), c, results);
        passed[0] = r.finish(out) == VerifyReport.Outcome.PASSED;
        out.flush();
        return text.toString();
    }

    @Test
    void theFusedGruVariantsMismatchIsShownButNotCounted() {
        Map<String, ProbeRunner.Result> results = new LinkedHashMap<>();
        results.put("scratch", new ProbeRunner.Result(probe(1), null, null));
        results.put("dl4j:fused-gru", new ProbeRunner.Result(probe(1.05f), null, null));
        boolean[] passed = new boolean[1];
        String text = report(CellType.GRU, results, passed);
        assertTrue(passed[0], text);
        assertTrue(text.contains("scratch vs dl4j:fused-gru") && text.contains(" known\n"), text);
        assertTrue(text.contains("known mismatch, not counted: dl4j:fused-gru on gru"), text);
    }

    @Test
    void theSameDifferenceOnAnyOtherBackendFails() {
        Map<String, ProbeRunner.Result> results = new LinkedHashMap<>();
        results.put("scratch", new ProbeRunner.Result(probe(1), null, null));
        results.put("djl", new ProbeRunner.Result(probe(1.05f), null, null));
        boolean[] passed = new boolean[1];
        String text = report(CellType.GRU, results, passed);
        assertFalse(passed[0], text);
        assertTrue(text.contains("5.0e-02") && text.contains(" FAIL\n"), text);
    }

    @Test
    void anUnsupportedCellIsSkippedAndAFailedBackendCounts() {
        Map<String, ProbeRunner.Result> results = new LinkedHashMap<>();
        results.put("scratch", new ProbeRunner.Result(probe(1), null, null));
        results.put("djl", new ProbeRunner.Result(probe(1), null, null));
        results.put("gru-only", new ProbeRunner.Result(null, null, "runs only GRU cells"));
        boolean[] passed = new boolean[1];
        String text = report(CellType.LSTM, results, passed);
        assertTrue(passed[0], text);
        assertTrue(text.contains("gru-only") && text.contains("skipped, does not run lstm: runs only GRU cells"),
            text);
        results.put("broken", new ProbeRunner.Result(null, "IllegalStateException: boom", null));
        String failed = report(CellType.LSTM, results, passed);
        assertFalse(passed[0], failed);
        assertTrue(failed.contains("FAILED: IllegalStateException: boom"), failed);
    }

    @Test
    void nonFiniteValuesNeverPassAndAreCountedPerTensor() {
        Map<String, Tensor> nan = probe(1);
        nan.put(ProbeTensors.OUTPUT, new Tensor(ProbeTensors.OUTPUT, new int[] {2}, new float[] {Float.NaN,
            Float.NaN}));
        nan.put(ProbeTensors.GRAD_INPUT, new Tensor(ProbeTensors.GRAD_INPUT, new int[] {2}, new float[] {1,
            Float.POSITIVE_INFINITY}));
        for (String other : List.of("djl", "dl4j:fused-gru")) {
            Map<String, ProbeRunner.Result> results = new LinkedHashMap<>();
            results.put("scratch", new ProbeRunner.Result(nan, null, null));
            results.put(other, new ProbeRunner.Result(nan, null, null));
            boolean[] passed = new boolean[1];
            String text = report(CellType.GRU, results, passed);
            assertFalse(passed[0], "NaN on both sides agrees element by element, yet fails: " + text);
            assertTrue(text.contains("scratch                          FAILED: not finite: output 2 of 2,"
                + " grad/input 1 of 2\n"), text);
            assertTrue(text.contains(" FAIL (not finite)\n"), text);
        }
    }

    @Test
    void aCaseWithoutAPairToCompareIsNotAPass() {
        Map<String, ProbeRunner.Result> results = new LinkedHashMap<>();
        results.put("scratch", new ProbeRunner.Result(probe(1), null, null));
        results.put("dl4j:fused-gru", new ProbeRunner.Result(null, null, "runs only GRU cells"));
        VerifyCase c = VerifyCase.random(new CellSpec(CellType.LSTM, 2, 3, 1), Init.PYTORCH, 0, 1, 2);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        VerifyReport r = new VerifyReport(1e-4);
        r.add(out, "lstm", c, results);
        assertEquals(VerifyReport.Outcome.NOTHING_COMPARED, r.finish(out));
        out.flush();
        assertEquals(List.of("lstm"), r.uncompared());
        assertFalse(text.toString().contains("passed"), text.toString());
    }
}
