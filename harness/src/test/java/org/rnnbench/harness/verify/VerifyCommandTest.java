package org.rnnbench.harness.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.testkit.Comparison;
import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.testing.Cli;

/** verify compares backends in worker JVMs, fails on a real difference and dumps what each backend computed. */
class VerifyCommandTest {
    @TempDir
    Path tmp;

    private Path golden(String name) throws IOException {
        Path file = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "core's test-jar holds golden/" + name);
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void scratchAgreesWithTheReferenceOnEveryCell() {
        Cli.Result r = Cli.run("verify", "--backends", "scratch,reference");
        assertEquals(Main.EXIT_OK, r.code(), r.out() + r.err());
        for (CellType cell : CellType.values()) {
            assertTrue(r.out().contains(cell.id() + ": I=8 H=16 L=2"), r.out());
        }
        assertEquals(CellType.values().length, r.out().lines().filter(l -> l.contains("scratch vs reference") && l.endsWith(" ok")).count(),
            r.out());
        assertTrue(r.out().contains("verify: passed"), r.out());
    }

    @Test
    void aBackendThatDoesNotRunACellIsSkipped() {
        Cli.Result r = Cli.run("verify", "--cells", "lstm,gru", "--backends",
            "reference,scratch,reference:gru-only");
        assertEquals(Main.EXIT_OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("reference:gru-only               skipped, does not run lstm"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("reference vs reference:gru-only") && l.endsWith(" ok")),
            r.out());
    }

    @Test
    void noPairLeftToCompareIsBadInputNotAPass() {
        Cli.Result r = Cli.run("verify", "--cell", "lstm", "--backends", "reference,reference:gru-only");
        assertEquals(Main.EXIT_USAGE, r.code(), r.out() + r.err());
        assertEquals(java.util.List.of("rnnbench: verify: no pair of backends left to compare on lstm (backends"
            + " reference,reference:gru-only); give at least two backends that run the cell"),
            r.errLines().stream().filter(l -> !l.startsWith("rnnbench: probing on")).toList());
        assertTrue(!r.out().contains("passed"), r.out());
    }

    @Test
    void anInputFullOfNanNeverPasses() throws IOException {
        Path input = tmp.resolve("nan.safetensors");
        float[] nan = new float[2 * 3 * 8];
        java.util.Arrays.fill(nan, Float.NaN);
        SafeTensors.write(input, java.util.List.of(new Tensor("input", new int[] {2, 3, 8}, nan)), Map.of());
        Cli.Result r = Cli.run("verify", "--cell", "gru", "--backends", "scratch,reference", "--input",
            input.toString());
        assertEquals(Main.EXIT_MISMATCH, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("scratch                          FAILED: not finite: output 96 of 96, h_n 64 of 64,"), r.out());
        assertTrue(r.out().contains("verify: FAILED"), r.out());
    }

    @Test
    void aDifferenceAboveTheToleranceFails() {
        Cli.Result r = Cli.run("verify", "--cell", "lstm", "--backends", "reference,reference:skewed");
        assertEquals(Main.EXIT_MISMATCH, r.code(), r.out() + r.err());
        String row = r.out().lines().filter(l -> l.contains("reference vs reference:skewed")).findFirst().orElseThrow();
        assertTrue(row.endsWith("FAIL") && row.contains("1.0e-03"), row);
        assertTrue(r.out().contains("verify: FAILED"), r.out());
        Cli.Result loose = Cli.run("verify", "--cell", "lstm", "--backends", "reference,reference:skewed", "--tolerance",
            "1e-2");
        assertEquals(Main.EXIT_OK, loose.code(), loose.out());
    }

    @Test
    void aPyTorchStateDictAndInputAreCheckedAndDumpedUnderPyTorchNames() throws IOException {
        Path weights = golden("gru_l2.safetensors");
        Path io = golden("gru_l2_io.safetensors");
        Path dump = tmp.resolve("dump.safetensors");
        Cli.Result r = Cli.run("verify", "--cell", "gru", "--weights", weights.toString(), "--input", io.toString(),
            "--backends", "scratch,reference", "--dump", dump.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("gru: I=3 H=4 L=2, batch 2, time 4"), r.out());
        Map<String, Tensor> d = SafeTensors.read(dump);
        Map<String, Tensor> expected = SafeTensors.read(io);
        for (String backend : new String[] {"scratch", "reference"}) {
            Comparison.assertClose(backend + " output vs PyTorch", d.get(backend + "/output").data(),
                expected.get("output").data(), 1e-5);
            Comparison.assertClose(backend + " h_n vs PyTorch", d.get(backend + "/h_n").data(),
                expected.get("h_n").data(), 1e-5);
            for (String name : new String[] {"grad/input", "grad/weight_ih_l0", "grad/weight_hh_l1",
                "grad/bias_ih_l0", "grad/bias_hh_l1"}) {
                assertNotNull(d.get(backend + "/" + name), backend + "/" + name);
            }
            assertTrue(!d.containsKey(backend + "/c_n"), "a GRU has no cell state");
        }
        assertEquals(3, d.get("scratch/grad/input").dim(2));
        assertNotNull(d.get("input"));
        assertNotNull(d.get("weight_ih_l0"));
    }

    @Test
    void aMinLstmStateDictWithInputWeightsOnlyIsCheckedAndDumped() throws IOException {
        Path weights = golden("min_lstm_l2.safetensors");
        Path io = golden("min_lstm_l2_io.safetensors");
        Path dump = tmp.resolve("dump.safetensors");
        Cli.Result r = Cli.run("verify", "--cell", "min-lstm", "--weights", weights.toString(), "--input",
            io.toString(), "--backends", "scratch,reference", "--dump", dump.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("min-lstm: I=3 H=4 L=2, batch 2, time 5"), r.out());
        Map<String, Tensor> d = SafeTensors.read(dump);
        Map<String, Tensor> expected = SafeTensors.read(io);
        Comparison.assertClose("scratch output vs numpy", d.get("scratch/output").data(),
            expected.get("output").data(), 1e-5);
        assertArrayEquals(new int[] {2, 2, 4}, d.get("scratch/h_n").shape(), "h_n is (layers, B, H)");
        assertArrayEquals(new int[] {12, 4}, d.get("scratch/grad/weight_ih_l1").shape(), "rows [f | i | h~]");
        assertNotNull(d.get("scratch/grad/bias_ih_l0"));
        assertTrue(!d.containsKey("scratch/grad/weight_hh_l0") && !d.containsKey("scratch/grad/bias_hh_l0"),
            "no recurrent weights: " + d.keySet());
    }
}
