package org.rnnbench.core.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.core.weights.Tensor;

/**
 * The golden files in core's test resources ({@code /golden/}, shipped in the test-jar): PyTorch {@code nn.LSTM}
 * and {@code nn.GRU} state_dicts saved in the byte layout of {@code safetensors.torch.save_file}, with an input and
 * the output, h_n (and c_n) that PyTorch's equations give, written by {@code golden/make_golden.py} (numpy). The
 * GRU has a clearly non-zero {@code b_hn}, so a reset applied at the wrong place shows. The minimal GRU and LSTM
 * files have the layout a PyTorch module of them has ({@code weight_ih_l{k}} rows [z | h~] and [f | i | h~],
 * {@code bias_ih_l{k}}, nothing recurrent), their outputs from an independent numpy implementation as well.
 */
public final class GoldenFiles {
    /** Resource names of the LSTM state_dict and its input/output file. */
    public static final String LSTM_WEIGHTS = "/golden/lstm_l2.safetensors";
    /** The LSTM's input, output, h_n and c_n. */
    public static final String LSTM_IO = "/golden/lstm_l2_io.safetensors";
    /** Resource name of the GRU state_dict. */
    public static final String GRU_WEIGHTS = "/golden/gru_l2.safetensors";
    /** The GRU's input, output and h_n. */
    public static final String GRU_IO = "/golden/gru_l2_io.safetensors";

    /** Resource name of the minGRU state_dict. */
    public static final String MIN_GRU_WEIGHTS = "/golden/min_gru_l2.safetensors";
    /** The minGRU's input, output and h_n. */
    public static final String MIN_GRU_IO = "/golden/min_gru_l2_io.safetensors";
    /** Resource name of the minLSTM state_dict. */
    public static final String MIN_LSTM_WEIGHTS = "/golden/min_lstm_l2.safetensors";
    /** The minLSTM's input, output and h_n. */
    public static final String MIN_LSTM_IO = "/golden/min_lstm_l2_io.safetensors";

    private GoldenFiles() {
    }

    /**
     * One golden stack.
     *
     * @param name    e.g. {@code golden lstm}
     * @param cell    the stack's shape, inferred from the state_dict
     * @param weights the state_dict as canonical weights
     * @param input   (B, T, I) dense input, full lengths
     * @param output  (B, T, H) expected top-layer outputs
     * @param hN      (L, B, H) expected final hidden states
     * @param cN      (L, B, H) expected final cell states, null for GRU
     */
    public record Case(String name, CellSpec cell, CanonicalWeights weights, Sequences input, float[] output,
                       float[] hN, float[] cN) {
    }

    /** The 2-layer LSTM (I = 3, H = 4; B = 2, T = 5). */
    public static Case lstm() {
        return load("golden lstm", CellType.LSTM, LSTM_WEIGHTS, LSTM_IO);
    }

    /** The 2-layer GRU with non-zero b_hn (I = 3, H = 4; B = 2, T = 4). */
    public static Case gru() {
        return load("golden gru", CellType.GRU, GRU_WEIGHTS, GRU_IO);
    }

    /** The 2-layer minGRU (I = 3, H = 4; B = 2, T = 5). */
    public static Case minGru() {
        return load("golden min-gru", CellType.MIN_GRU, MIN_GRU_WEIGHTS, MIN_GRU_IO);
    }

    /** The 2-layer minLSTM (I = 3, H = 4; B = 2, T = 5). */
    public static Case minLstm() {
        return load("golden min-lstm", CellType.MIN_LSTM, MIN_LSTM_WEIGHTS, MIN_LSTM_IO);
    }

    /** All of them. */
    public static List<Case> all() {
        return List.of(lstm(), gru(), minGru(), minLstm());
    }

    /** The tensors of a golden resource, parsed by {@link SafeTensors}. */
    public static Map<String, Tensor> tensors(String resource) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("golden resource " + resource + " is not on the class path; is "
                    + "rnnbench-core's test-jar a test dependency?");
            }
            return SafeTensors.parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden resource " + resource, e);
        }
    }

    private static Case load(String name, CellType type, String weightsResource, String ioResource) {
        Map<String, Tensor> sd = tensors(weightsResource);
        CellSpec cell = ParameterLayout.inferCellSpec(sd, type);
        CanonicalWeights weights = new CanonicalWeights(ParameterLayout.of(cell), sd);
        Map<String, Tensor> io = tensors(ioResource);
        Tensor x = io.get("input");
        Sequences input = Sequences.dense(x.dim(0), x.dim(1), x.dim(2), x.data());
        Tensor c = io.get("c_n");
        return new Case(name, cell, weights, input, io.get("output").data(), io.get("h_n").data(),
            c == null ? null : c.data());
    }
}
