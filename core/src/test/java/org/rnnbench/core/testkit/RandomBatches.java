package org.rnnbench.core.testkit;

import java.util.SplittableRandom;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/**
 * Valid random batches for any {@link ModelSpec}, deterministic from a seed, with variable lengths so that masks
 * matter: sequence 0 always has the full length, the others a random length in [1, T]. Padding positions hold
 * random values too (valid ids, targets in range), so a loss that reads padding or a head that reads past a
 * sequence's end gives a different answer.
 *
 * <p>Shapes by topology: ONE_TO_ONE (B,1) in and out; ONE_TO_MANY input (B,1), targets (B,T_out); MANY_TO_ONE
 * input (B,T), targets (B,1); MANY_TO_MANY (B,T) both, target lengths = input lengths; SEQ_TO_SEQ input (B,T),
 * decoder input and targets (B,T_out) with the same lengths.
 */
public final class RandomBatches {
    /** Default B. */
    public static final int BATCH = 3;
    /** Default input length T. */
    public static final int TIME = 6;
    /** Default output length T_out of one-to-many and encoder-decoder batches. */
    public static final int OUT_TIME = 5;

    private RandomBatches() {
    }

    /** A batch of the default sizes. */
    public static Batch of(ModelSpec spec, long seed) {
        return of(spec, BATCH, TIME, OUT_TIME, seed);
    }

    /** A batch of B sequences, input length T (where the topology reads several steps) and output length T_out. */
    public static Batch of(ModelSpec spec, int batch, int time, int outTime, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Topology topology = spec.topology();
        int inTime = topology == Topology.ONE_TO_ONE || topology == Topology.ONE_TO_MANY ? 1 : time;
        int[] inLengths = lengths(random, batch, inTime);
        Sequences input = inputs(random, spec.encoding(), batch, inTime, inLengths);
        return switch (topology) {
            case ONE_TO_ONE, MANY_TO_ONE -> new Batch(input, targets(random, spec, batch, 1, ones(batch)));
            case MANY_TO_MANY -> new Batch(input, targets(random, spec, batch, time, inLengths));
            case ONE_TO_MANY -> new Batch(input, targets(random, spec, batch, outTime,
                lengths(random, batch, outTime)));
            case SEQ_TO_SEQ -> {
                int[] outLengths = lengths(random, batch, outTime);
                Sequences dec = inputs(random, spec.encoding(), batch, outTime, outLengths);
                yield new Batch(input, dec, targets(random, spec, batch, outTime, outLengths));
            }
        };
    }

    /** Dense values uniform in [-1, 1), every sequence of full length: an input for a stack probe. */
    public static Sequences dense(int batch, int time, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[batch * time * width];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Sequences.dense(batch, time, width, v);
    }

    private static int[] lengths(SplittableRandom random, int batch, int time) {
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = b == 0 ? time : 1 + random.nextInt(time);
        }
        return lengths;
    }

    private static int[] ones(int batch) {
        int[] lengths = new int[batch];
        java.util.Arrays.fill(lengths, 1);
        return lengths;
    }

    private static Sequences inputs(SplittableRandom random, InputEncoding enc, int batch, int time, int[] lengths) {
        if (enc.tokens()) {
            int[] ids = new int[batch * time];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = random.nextInt(enc.vocab());
            }
            return Sequences.ids(batch, time, enc.vocab(), ids, lengths);
        }
        float[] v = new float[batch * time * enc.inputSize()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Sequences.dense(batch, time, enc.inputSize(), v, lengths);
    }

    private static Sequences targets(SplittableRandom random, ModelSpec spec, int batch, int time, int[] lengths) {
        int o = spec.outputs();
        if (spec.loss() == LossType.SOFTMAX_CE) {
            int[] ids = new int[batch * time];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = random.nextInt(o);
            }
            return Sequences.ids(batch, time, o, ids, lengths);
        }
        float[] v = new float[batch * time * o];
        for (int i = 0; i < v.length; i++) {
            v[i] = spec.loss() == LossType.SIGMOID_BCE ? random.nextInt(2) : (float) (2 * random.nextDouble() - 1);
        }
        return Sequences.dense(batch, time, o, v, lengths);
    }
}
