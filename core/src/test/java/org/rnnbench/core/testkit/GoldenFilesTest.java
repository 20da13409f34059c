package org.rnnbench.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.core.weights.Tensor;

/**
 * PyTorch state_dicts saved as safetensors (names weight_ih_l0, ...) load, and the reference reproduces what
 * PyTorch's equations give for them (computed independently in numpy by golden/make_golden.py).
 */
class GoldenFilesTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(GoldenFilesTest.class.getResource(name).toURI());
    }

    @Test
    void lstmStateDictLoadsFromAFileThroughCanonicalWeights() throws Exception {
        Path file = resource(GoldenFiles.LSTM_WEIGHTS);
        Map<String, Tensor> sd = SafeTensors.read(file);
        assertEquals(List.of("bias_hh_l0", "bias_hh_l1", "bias_ih_l0", "bias_ih_l1", "weight_hh_l0", "weight_hh_l1",
            "weight_ih_l0", "weight_ih_l1"), List.copyOf(sd.keySet()), "safetensors writes tensors sorted by name");
        CellSpec cell = ParameterLayout.inferCellSpec(sd, CellType.LSTM);
        assertEquals(new CellSpec(CellType.LSTM, 3, 4, 2), cell);
        CanonicalWeights w = CanonicalWeights.read(file, ParameterLayout.of(cell));
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1",
            "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"), List.copyOf(w.asMap().keySet()), "layout order");
        assertArrayEquals(sd.get("weight_hh_l1").data(), w.data("weight_hh_l1"));
    }

    @Test
    void gruStateDictLoadsAndHasANonZeroResetBias() {
        GoldenFiles.Case g = GoldenFiles.gru();
        assertEquals(new CellSpec(CellType.GRU, 3, 4, 2), g.cell());
        float[] bHh = g.weights().data("bias_hh_l0");
        for (int j = 8; j < 12; j++) {
            assertEquals(true, Math.abs(bHh[j]) > 0.5, "b_hn[" + (j - 8) + "] = " + bHh[j]);
        }
        assertNull(g.cN());
    }

    @Test
    void aGruStateDictIsNotAnLstm() {
        Map<String, Tensor> sd = GoldenFiles.tensors(GoldenFiles.GRU_WEIGHTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ParameterLayout.inferCellSpec(sd, CellType.LSTM));
        // 12 rows divide by 4, so the hidden size is taken as 3 and weight_hh_l0 (12, 4) is the misfit
        assertEquals(true, e.getMessage().contains("'weight_hh_l0' has shape [12, 4]")
            && e.getMessage().contains("[12, 3]"), e.getMessage());
    }

    @Test
    void ourWriterReproducesTheFileByteForByte() throws Exception {
        Path file = resource(GoldenFiles.LSTM_WEIGHTS);
        Map<String, Tensor> sd = SafeTensors.read(file);
        byte[] ours = SafeTensors.toBytes(sd.values(), Map.of("format", "pt"));
        assertArrayEquals(Files.readAllBytes(file), ours);
    }

    @Test
    void referenceReproducesTheNumpyLstm() {
        checkProbe(GoldenFiles.lstm());
    }

    @Test
    void referenceReproducesTheNumpyGruWithItsResetBias() {
        checkProbe(GoldenFiles.gru());
    }

    @Test
    void minimalCellStateDictsHaveInputWeightsAndBiasesOnlyWithTheirRowBlocks() {
        Map<String, Tensor> gru = GoldenFiles.tensors(GoldenFiles.MIN_GRU_WEIGHTS);
        assertEquals(List.of("bias_ih_l0", "bias_ih_l1", "weight_ih_l0", "weight_ih_l1"), List.copyOf(gru.keySet()));
        assertArrayEquals(new int[] {8, 3}, gru.get("weight_ih_l0").shape(), "rows [z | h~] of H = 4 each");
        assertArrayEquals(new int[] {8, 4}, gru.get("weight_ih_l1").shape());
        assertEquals(new CellSpec(CellType.MIN_GRU, 3, 4, 2), GoldenFiles.minGru().cell());
        Map<String, Tensor> lstm = GoldenFiles.tensors(GoldenFiles.MIN_LSTM_WEIGHTS);
        assertArrayEquals(new int[] {12, 3}, lstm.get("weight_ih_l0").shape(), "rows [f | i | h~] of H = 4 each");
        assertArrayEquals(new int[] {12}, lstm.get("bias_ih_l1").shape());
        assertEquals(new CellSpec(CellType.MIN_LSTM, 3, 4, 2), GoldenFiles.minLstm().cell());
        assertNull(GoldenFiles.minLstm().cN());
    }

    @Test
    void aStateDictWithRecurrentWeightsIsNotAMinimalCell() {
        Map<String, Tensor> sd = GoldenFiles.tensors(GoldenFiles.GRU_WEIGHTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ParameterLayout.inferCellSpec(sd, CellType.MIN_LSTM));
        assertEquals(true, e.getMessage().contains("_hh_l0' that the model does not have"), e.getMessage());
    }

    @Test
    void referenceReproducesTheNumpyMinGru() {
        checkProbe(GoldenFiles.minGru());
    }

    @Test
    void referenceReproducesTheNumpyMinLstm() {
        checkProbe(GoldenFiles.minLstm());
    }

    @Test
    void swappingTheMinLstmGateBlocksChangesTheOutput() {
        GoldenFiles.Case g = GoldenFiles.minLstm();
        CanonicalWeights swapped = g.weights().copy();
        for (String name : List.of("weight_ih_l0", "bias_ih_l0")) {
            float[] w = swapped.data(name);
            int block = w.length / 3;
            for (int i = 0; i < block; i++) {
                float f = w[i];
                w[i] = w[block + i];
                w[block + i] = f;
            }
        }
        var p = new ReferenceBackend().probeStack(g.cell(), swapped, g.input());
        double worst = 0;
        for (int i = 0; i < p.output().length; i++) {
            worst = Math.max(worst, Math.abs(p.output()[i] - g.output()[i]));
        }
        assertEquals(true, worst > 1e-2, "[i | f | h~] must not pass for [f | i | h~]; largest difference " + worst);
    }

    static void checkProbe(GoldenFiles.Case g) {
        var p = new ReferenceBackend().probeStack(g.cell(), g.weights(), g.input());
        Comparison.assertClose(g.name() + " output", p.output(), g.output(), 1e-5);
        Comparison.assertClose(g.name() + " h_n", p.hN(), g.hN(), 1e-5);
        if (g.cN() != null) {
            Comparison.assertClose(g.name() + " c_n", p.cN(), g.cN(), 1e-5);
        }
    }
}
