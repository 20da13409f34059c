package org.rnnbench.scratch;

import java.util.SplittableRandom;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/** Random batches that fit a model spec, with varied lengths, for tests; deterministic from a seed. */
final class RandomBatches {
    private RandomBatches() {
    }

    /**
     * A batch of B sequences of T input steps (T_out target steps for one-to-many and encoder-decoder); lengths
     * vary between sequences when {@code ragged}.
     */
    static Batch of(ModelSpec spec, int batch, int time, int outTime, boolean ragged, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Topology topology = spec.topology();
        int inTime = switch (topology) {
            case ONE_TO_ONE, ONE_TO_MANY -> 1;
            default -> time;
        };
        int targetTime = switch (topology) {
            case ONE_TO_ONE, MANY_TO_ONE -> 1;
            case MANY_TO_MANY -> inTime;
            default -> outTime;
        };
        int[] inLengths = lengths(random, batch, inTime, ragged);
        Sequences input = sequences(spec.encoding(), random, batch, inTime, inLengths);
        int[] targetLengths = topology == Topology.MANY_TO_MANY ? inLengths.clone()
            : lengths(random, batch, targetTime, ragged);
        Sequences decoder = topology == Topology.SEQ_TO_SEQ
            ? sequences(spec.encoding(), random, batch, targetTime, targetLengths.clone()) : null;
        Sequences target;
        int outputs = spec.outputs();
        if (spec.loss() == LossType.SOFTMAX_CE) {
            int[] ids = new int[batch * targetTime];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = random.nextInt(outputs);
            }
            target = Sequences.ids(batch, targetTime, outputs, ids, targetLengths);
        } else {
            float[] values = new float[batch * targetTime * outputs];
            for (int i = 0; i < values.length; i++) {
                values[i] = spec.loss() == LossType.SIGMOID_BCE ? random.nextInt(2) : (float) random.nextGaussian();
            }
            target = Sequences.dense(batch, targetTime, outputs, values, targetLengths);
        }
        return new Batch(input, decoder, target);
    }

    private static int[] lengths(SplittableRandom random, int batch, int time, boolean ragged) {
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = ragged && b > 0 ? 1 + random.nextInt(time) : time;
        }
        return lengths;
    }

    private static Sequences sequences(InputEncoding encoding, SplittableRandom random, int batch, int time,
                                       int[] lengths) {
        if (encoding.tokens()) {
            int[] ids = new int[batch * time];
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < lengths[b]; t++) {
                    ids[b * time + t] = random.nextInt(encoding.vocab());
                }
            }
            return Sequences.ids(batch, time, encoding.vocab(), ids, lengths);
        }
        int width = encoding.inputSize();
        float[] values = new float[batch * time * width];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < lengths[b] * width; i++) {
                values[b * time * width + i] = (float) random.nextGaussian();
            }
        }
        return Sequences.dense(batch, time, width, values, lengths);
    }
}
