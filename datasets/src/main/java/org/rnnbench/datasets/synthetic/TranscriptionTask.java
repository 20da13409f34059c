package org.rnnbench.datasets.synthetic;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Metric;
import org.rnnbench.core.spec.Check;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.datasets.base.Chance;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.GeneratedTask;
import org.rnnbench.datasets.base.Track;

/**
 * Encoder-decoder transcription of a string of T random digits: reversed ({@code reverse-T}) or sorted
 * ascending ({@code sort-T}). The encoder reads the digits; the decoder reads a start token, then the target
 * shifted right (teacher forcing); evaluation decodes greedily, feeding back the predicted digits.
 *
 * <p>Tokens: digits 0..9 and the start token 10 (one-hot over 11, shared by encoder and decoder). Classes: the
 * digits 0..9, which are tokens of the same vocabulary, so a prediction can be fed back.
 *
 * <p>Chance predictor: uniform logits, loss ln 10; their arg-max is digit 0, right for a tenth of the positions
 * (each target digit is uniform, also after sorting), and a whole string is right with probability 10^-T.
 */
public final class TranscriptionTask extends GeneratedTask {
    /** The smallest T: 10^T strings leave both parts of the split filled. */
    public static final int MIN_T = 2;
    /** The largest T accepted. */
    public static final int MAX_T = 1_000;
    /** The start token of the decoder. */
    public static final int START = 10;
    private static final int DIGITS = 10;
    private static final int EVALUATION_SIZE = 1024;

    /** What the decoder must produce from the digits. */
    public enum Kind {
        /** The digits in reverse order. */
        REVERSE("reverse", "reverse a string of %d digits"),
        /** The digits sorted ascending. */
        SORT("sort", "sort a string of %d digits ascending");

        private final String prefix;
        private final String description;

        Kind(String prefix, String description) {
            this.prefix = prefix;
            this.description = description;
        }

        /** The id prefix, e.g. {@code reverse}. */
        public String prefix() {
            return prefix;
        }
    }

    private final Kind kind;
    private final int time;

    /** The task on strings of {@code time} digits. */
    public TranscriptionTask(Kind kind, int time) {
        super(kind.prefix + "-T" + time, String.format(kind.description, time)
                + " (encoder-decoder, CE, greedy evaluation, chance 10% per digit)",
            new InputEncoding.OneHot(DIGITS + 1), Topology.SEQ_TO_SEQ, LossType.SOFTMAX_CE, DIGITS, Metric.ACCURACY,
            EVALUATION_SIZE);
        this.kind = kind;
        this.time = Check.inRange(id() + ": T", time, MIN_T, MAX_T);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        int[] source = new int[time];
        for (int t = 0; t < time; t++) {
            source[t] = random.nextInt(DIGITS);
        }
        int[] target = new int[time];
        if (kind == Kind.REVERSE) {
            for (int t = 0; t < time; t++) {
                target[t] = source[time - 1 - t];
            }
        } else {
            System.arraycopy(source, 0, target, 0, time);
            Arrays.sort(target);
        }
        int[] decoder = new int[time];
        decoder[0] = START;
        System.arraycopy(target, 0, decoder, 1, time - 1);
        return new Example(Track.ids(DIGITS + 1, source), Track.ids(DIGITS + 1, decoder), Track.ids(DIGITS, target));
    }

    @Override
    public boolean greedyDecoding() {
        return true;
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.uniform(DIGITS, time);
    }
}
