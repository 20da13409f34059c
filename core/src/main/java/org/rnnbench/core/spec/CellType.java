package org.rnnbench.core.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The recurrent cells, with their equations fixed once in PyTorch's form. Every backend implements exactly
 * these; {@code x} is the layer input, {@code h} the previous hidden state, {@code c} the previous cell state.
 *
 * <ul>
 *   <li>{@link #RNN_TANH}: {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)}</li>
 *   <li>{@link #RNN_RELU}: {@code h' = relu(W_ih x + b_ih + W_hh h + b_hh)}</li>
 *   <li>{@link #LSTM}: gate rows stacked as [i, f, g, o];
 *       {@code i = sig(.)}, {@code f = sig(.)}, {@code g = tanh(.)}, {@code o = sig(.)} where each {@code (.)} is
 *       {@code W_i* x + b_i* + W_h* h + b_h*};
 *       {@code c' = f*c + i*g}; {@code h' = o*tanh(c')}</li>
 *   <li>{@link #GRU}: gate rows stacked as [r, z, n];
 *       {@code r = sig(W_ir x + b_ir + W_hr h + b_hr)}, {@code z = sig(W_iz x + b_iz + W_hz h + b_hz)},
 *       {@code n = tanh(W_in x + b_in + r*(W_hn h + b_hn))}, {@code h' = (1-z)*n + z*h}
 *       (reset applied after the recurrent matmul, as cuDNN and PyTorch do)</li>
 *   <li>{@link #MIN_GRU}: the minimal GRU of Feng et al. 2024, "Were RNNs All We Needed?", sequential mode; gate
 *       rows [z, h~], no recurrent weights (the gates read x only): {@code z = sig(W_z x + b_z)},
 *       {@code h~ = W_h x + b_h}, {@code h' = (1-z)*h + z*h~}</li>
 *   <li>{@link #MIN_LSTM}: the minimal LSTM of the same paper; gate rows [f, i, h~], no recurrent weights:
 *       {@code f = sig(W_f x + b_f)}, {@code i = sig(W_i x + b_i)}, {@code h~ = W_h x + b_h},
 *       {@code h' = f/(f+i)*h + i/(f+i)*h~}</li>
 * </ul>
 * The minimal cells have {@code weight_ih_l{k}} and {@code bias_ih_l{k}} only (no {@code weight_hh}, no
 * {@code bias_hh}): see {@link #hasRecurrentWeights()}.
 */
public enum CellType {
    /** Elman RNN with tanh. */
    RNN_TANH("rnn-tanh", 1, true),
    /** Elman RNN with ReLU (the IRNN cell when initialised with an identity recurrent matrix). */
    RNN_RELU("rnn-relu", 1, true),
    /** Long short-term memory, gates [i, f, g, o]. */
    LSTM("lstm", 4, true),
    /** Gated recurrent unit, gates [r, z, n]. */
    GRU("gru", 3, true),
    /** Minimal GRU, gates [z, h~] of x only. */
    MIN_GRU("min-gru", 2, false),
    /** Minimal LSTM, gates [f, i, h~] of x only. */
    MIN_LSTM("min-lstm", 3, false);

    private final String id;
    private final int gates;
    private final boolean recurrentWeights;

    CellType(String id, int gates, boolean recurrentWeights) {
        this.id = id;
        this.gates = gates;
        this.recurrentWeights = recurrentWeights;
    }

    /** The id used on the command line and in run names, e.g. {@code rnn-tanh}. */
    public String id() {
        return id;
    }

    /** G, the number of gate blocks stacked in the weight rows: 1, 1, 4, 3, 2 or 3. */
    public int gates() {
        return gates;
    }

    /**
     * True when the gates read the previous hidden state through {@code weight_hh} and {@code bias_hh}; false for
     * the minimal cells, whose gates read x only, so that all steps' gates are one product and the recurrence is
     * element-wise.
     */
    public boolean hasRecurrentWeights() {
        return recurrentWeights;
    }

    /** True for LSTM, the only cell with a cell state {@code c}. */
    public boolean hasCellState() {
        return this == LSTM;
    }

    /**
     * Parses an id ({@code rnn-tanh}, {@code rnn-relu}, {@code lstm}, {@code gru}, {@code min-gru},
     * {@code min-lstm}; enum names and {@code rnn} for
     * {@code rnn-tanh} are accepted too).
     *
     * @throws IllegalArgumentException naming the bad id and the known ones
     */
    public static CellType parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (key.equals("rnn")) {
            return RNN_TANH;
        }
        for (CellType cell : values()) {
            if (cell.id.equals(key)) {
                return cell;
            }
        }
        throw new IllegalArgumentException("unknown cell '" + text + "'; known cells: " + ids());
    }

    /** The known ids, comma separated. */
    public static String ids() {
        return Arrays.stream(values()).map(CellType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
