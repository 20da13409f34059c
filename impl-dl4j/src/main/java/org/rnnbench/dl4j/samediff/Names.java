package org.rnnbench.dl4j.samediff;

/**
 * Names of the placeholders and outputs of the graphs. Rows of every sequence placeholder are time-major:
 * row {@code t*B + b} holds sequence b at step t.
 */
final class Names {
    /** Encoder input: (T*B, I) values (dense or one-hot) or (T*B) int ids for an embedding. */
    static final String X = "x";
    /** Decoder input, as {@link #X}, (T_out*B, .). */
    static final String DECODER_X = "decoder_x";
    /** (T*B, 1): 1 where the encoder input is read, 0 where it is the zero vector (one-to-many after step 0). */
    static final String X_MASK = "x_mask";
    /** (T*B, 1): 1 at each sequence's last valid input step (many-to-one, one-to-one, encoder-decoder). */
    static final String LAST = "last";
    /** Targets: (R, O) values, or one-hot rows for cross-entropy. */
    static final String Y = "y";
    /** (R, 1): 1 at valid target positions. */
    static final String Y_MASK = "y_mask";
    /** Scalar: 1/(N*O) for MSE, 1/N for the cross-entropies (0 when N = 0). */
    static final String NORM = "norm";
    /** The head's outputs (R, O). */
    static final String LOGITS = "logits";
    /** The loss. */
    static final String LOSS = "loss";
    /** Probe: the top layer's states (T*B, H). */
    static final String OUTPUT = "output";

    private Names() {
    }

    /** Initial hidden state of encoder layer k, (B, H). */
    static String h0(int k) {
        return "h0_l" + k;
    }

    /** Initial cell state of encoder layer k, (B, H). */
    static String c0(int k) {
        return "c0_l" + k;
    }

    /** Hidden state of encoder layer k after the last step. */
    static String hLast(int k) {
        return "hT_l" + k;
    }

    /** Cell state of encoder layer k after the last step. */
    static String cLast(int k) {
        return "cT_l" + k;
    }

    /** The encoder top layer's state at step t, (B, H). */
    static String top(int t) {
        return "h_top_t" + t;
    }

    /** The SameDiff variable name of a canonical parameter. */
    static String variable(String canonical) {
        return canonical.replace('.', '_');
    }
}
