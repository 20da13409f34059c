package org.rnnbench.core.data;

import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/**
 * One batch of a task: the input sequences, for encoder-decoder the decoder's input (teacher forcing: a start
 * token, then the target shifted right), and the targets.
 *
 * <p>Targets are (B, T_out, O) real values for MSE and BCE, or (B, T_out) class ids in [0, O) for cross-entropy;
 * their lengths mask the loss. T_out is 1 for one output per sequence, T for many-to-many, the number of generated
 * steps for one-to-many and the decoder length for encoder-decoder.
 *
 * @param input        (B, T, .) values or ids; every length at least 1
 * @param decoderInput (B, T_out, .) for {@link Topology#SEQ_TO_SEQ}, otherwise null
 * @param target       (B, T_out, O) values or (B, T_out) class ids
 */
public record Batch(Sequences input, Sequences decoderInput, Sequences target) {

    /** Checks that the parts agree on the batch size. */
    public Batch {
        if (input == null || target == null) {
            throw new IllegalArgumentException("a batch needs input and target sequences");
        }
        if (target.batch() != input.batch()) {
            throw new IllegalArgumentException("input has " + input.batch() + " sequences, target "
                + target.batch());
        }
        if (decoderInput != null && (decoderInput.batch() != input.batch() || decoderInput.time() != target.time())) {
            throw new IllegalArgumentException("decoder input has shape (" + decoderInput.batch() + ", "
                + decoderInput.time() + "), it must be (" + input.batch() + ", " + target.time() + ") like the target");
        }
        for (int b = 0; b < input.batch(); b++) {
            if (input.lengths()[b] < 1) {
                throw new IllegalArgumentException("input sequence " + b + " is empty; every input needs a step");
            }
        }
    }

    /** A batch without a decoder input. */
    public Batch(Sequences input, Sequences target) {
        this(input, null, target);
    }

    /** B. */
    public int size() {
        return input.batch();
    }

    /**
     * The number of steps the recurrent stack runs (the encoder's for encoder-decoder): the input length T, or
     * T_out for one-to-many.
     */
    public int recurrentSteps(Topology topology) {
        return topology == Topology.ONE_TO_MANY ? target.time() : input.time();
    }

    /**
     * Checks that this batch fits a model: input kind and width, target kind and width, time shapes of the
     * topology.
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    public void check(ModelSpec model) {
        checkInput("input", input, model.encoding());
        boolean ids = model.loss() == LossType.SOFTMAX_CE;
        if (target.isIds() != ids || target.width() != model.outputs()) {
            throw new IllegalArgumentException("the " + model.loss().id() + " loss needs targets of "
                + (ids ? "class ids in [0, " : "real values of width ") + model.outputs() + (ids ? ")" : "")
                + ", the batch has " + (target.isIds() ? "ids of width " : "values of width ") + target.width());
        }
        if (model.loss() == LossType.SIGMOID_BCE) {
            for (float v : target.values()) {
                if (!(v >= 0f && v <= 1f)) {
                    throw new IllegalArgumentException("binary cross-entropy targets must be in [0, 1], found " + v);
                }
            }
        }
        Topology topology = model.topology();
        switch (topology) {
            case ONE_TO_ONE -> {
                requireTime("input", input.time(), 1, topology);
                requireTime("target", target.time(), 1, topology);
            }
            case ONE_TO_MANY -> requireTime("input", input.time(), 1, topology);
            case MANY_TO_ONE -> requireTime("target", target.time(), 1, topology);
            case MANY_TO_MANY -> requireTime("target", target.time(), input.time(), topology);
            case SEQ_TO_SEQ -> {
                if (decoderInput == null) {
                    throw new IllegalArgumentException("an encoder-decoder model needs a decoder input in the batch");
                }
                checkInput("decoder input", decoderInput, model.encoding());
            }
            default -> throw new IllegalStateException("unhandled topology " + topology);
        }
        if (topology != Topology.SEQ_TO_SEQ && decoderInput != null) {
            throw new IllegalArgumentException("only encoder-decoder models read a decoder input; the model is "
                + topology.id());
        }
    }

    private static void checkInput(String what, Sequences s, InputEncoding encoding) {
        if (s.isIds() != encoding.tokens()) {
            throw new IllegalArgumentException("the " + encoding.id() + " encoding needs " + what + " as "
                + (encoding.tokens() ? "token ids" : "real values") + ", the batch has "
                + (s.isIds() ? "ids" : "values"));
        }
        int expected = encoding.tokens() ? encoding.vocab() : encoding.inputSize();
        if (s.width() != expected) {
            throw new IllegalArgumentException("the " + encoding.id() + " encoding needs " + what + " of width "
                + expected + ", the batch has " + s.width());
        }
    }

    private static void requireTime(String what, int actual, int expected, Topology topology) {
        if (actual != expected) {
            throw new IllegalArgumentException("a " + topology.id() + " model needs " + what + " of " + expected
                + " step(s), the batch has " + actual);
        }
    }
}
