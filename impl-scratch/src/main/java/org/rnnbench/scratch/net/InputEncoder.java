package org.rnnbench.scratch.net;

import java.util.Arrays;

import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;

/**
 * Turns a window of raw input sequences into what the first layer of a stack reads, time-major: dense features and
 * embedding rows become X (T, B, I); one-hot tokens stay token ids per row (T*B), since a one-hot product is a
 * column lookup in W_ih. Backward, it hands the layer its input for the weight gradients and, for a learned
 * embedding, scatters dL/dX into the embedding's gradient rows.
 */
final class InputEncoder {
    private final InputEncoding encoding;
    private final int size;
    private final int embedding;
    private final boolean inputGradient;
    private float[] x = new float[0];
    private float[] dx = new float[0];
    private int[] tokens = new int[0];
    private int rows;

    /**
     * @param embedding     offset of the embedding matrix in the flat parameters, or -1
     * @param inputGradient whether dL/dX is wanted even without an embedding (the stack probe)
     */
    InputEncoder(InputEncoding encoding, int embedding, boolean inputGradient) {
        this.encoding = encoding;
        this.size = encoding.inputSize();
        this.embedding = embedding;
        this.inputGradient = inputGradient;
    }

    /**
     * Encodes steps t0..t0+time-1 of {@code seq} for {@code batch} sequences; with {@code firstStepOnly}, step 0
     * reads the input and the later steps get a zero input vector (one-to-many).
     */
    void encode(Sequences seq, int t0, int time, int batch, boolean firstStepOnly, float[] w) {
        rows = time * batch;
        if (encoding.tokens() && tokens.length < rows) {
            tokens = new int[rows];
        }
        if (!(encoding instanceof InputEncoding.OneHot) && x.length < rows * size) {
            x = new float[rows * size];
            dx = new float[rows * size];
        }
        int width = seq.width();
        // x is (T, B, I) time-major; seq is (B, T_seq, W) batch-major
        for (int t = 0; t < time; t++) {
            boolean present = !firstStepOnly || t == 0;
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                int at = b * seq.time() + t0 + t;
                if (!encoding.tokens()) {
                    if (present) {
                        System.arraycopy(seq.values(), at * width, x, row * size, size);
                    } else {
                        Arrays.fill(x, row * size, (row + 1) * size, 0f);
                    }
                    continue;
                }
                int token = present ? seq.ids()[at] : -1;
                tokens[row] = token;
                if (embedding >= 0) {
                    if (present) {
                        System.arraycopy(w, embedding + token * size, x, row * size, size);
                    } else {
                        Arrays.fill(x, row * size, (row + 1) * size, 0f);
                    }
                }
            }
        }
    }

    /** Adds the input projection to the first layer's gates. */
    void project(RecurrentLayer first) {
        if (encoding instanceof InputEncoding.OneHot) {
            first.projectTokens(tokens);
        } else {
            first.projectInput(x, 0, size);
        }
    }

    /** The first layer's weight gradients, then the embedding's (or the probe's dL/dX). */
    void backward(RecurrentLayer first, float[] dw) {
        if (encoding instanceof InputEncoding.OneHot) {
            first.weightGradients(dw, null, 0, 0, tokens);
        } else {
            first.weightGradients(dw, x, 0, size, null);
        }
        if (embedding < 0 && !inputGradient) {
            return;
        }
        Arrays.fill(dx, 0, rows * size, 0f);
        first.inputGradient(dx, 0, size);
        if (embedding >= 0) {
            // dx is (T*B, dim); the embedding gradient row of each token gets its rows
            for (int row = 0; row < rows; row++) {
                int token = tokens[row];
                if (token >= 0) {
                    int to = embedding + token * size;
                    for (int i = 0; i < size; i++) {
                        dw[to + i] += dx[row * size + i];
                    }
                }
            }
        }
    }

    /** dL/dX (T, B, I) of the last backward, time-major (valid when built with inputGradient). */
    float[] inputGradient() {
        return dx;
    }
}
