package org.rnnbench.core.spec;

/**
 * How inputs and outputs line up in time. T is the input length, T_out the target length of a batch.
 *
 * <ul>
 *   <li>{@link #ONE_TO_ONE}: input (B, 1, .), one output per sequence; the non-recurrent control.</li>
 *   <li>{@link #ONE_TO_MANY}: input (B, 1, .) fed at step 0, a zero input vector (after encoding) at steps
 *       1..T_out-1; the head reads every step.</li>
 *   <li>{@link #MANY_TO_ONE}: input (B, T, .); the head reads the top layer's state at each sequence's last valid
 *       step {@code lengths[b]-1}.</li>
 *   <li>{@link #MANY_TO_MANY}: input (B, T, .); the head reads every step; targets are aligned (T_out = T).</li>
 *   <li>{@link #SEQ_TO_SEQ}: encoder-decoder. The encoder stack reads the source; its final states (h and, for
 *       LSTM, c of every layer at each sequence's last valid step) start a decoder stack of the same cell type,
 *       layers and hidden size, with its own parameters ({@code decoder.*}). The decoder reads
 *       {@link org.rnnbench.core.data.Batch#decoderInput()} (teacher forcing: the previous target token, a start
 *       token first) with the same input encoding as the encoder (a learned embedding is shared); the head reads
 *       every decoder step.</li>
 * </ul>
 */
public enum Topology {
    /** T = 1: one input, one output. */
    ONE_TO_ONE("one-to-one"),
    /** One input generates a sequence. */
    ONE_TO_MANY("one-to-many"),
    /** A sequence gives one output. */
    MANY_TO_ONE("many-to-one"),
    /** An output at every input step. */
    MANY_TO_MANY("many-to-many"),
    /** Encoder-decoder with teacher forcing. */
    SEQ_TO_SEQ("encoder-decoder");

    private final String id;

    Topology(String id) {
        this.id = id;
    }

    /** The id used in reports, e.g. {@code many-to-one}. */
    public String id() {
        return id;
    }

    /** True when the head reads every step of the output sequence. */
    public boolean outputsEveryStep() {
        return this == ONE_TO_MANY || this == MANY_TO_MANY || this == SEQ_TO_SEQ;
    }

    @Override
    public String toString() {
        return id;
    }
}
