package org.rnnbench.datasets.synthetic;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Batch;
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
 * The copy memory task (Hochreiter and Schmidhuber 1997; Arjovsky et al. 2016 form). The input has T+20 steps:
 * {@value #SYMBOLS} symbols drawn from K categories, T-1 blanks, a delimiter, then {@value #SYMBOLS} blanks. The
 * target is blank for the first T+10 steps, then the {@value #SYMBOLS} symbols in order. Many-to-many, cross-entropy
 * per step.
 *
 * <p>Tokens: 0 is the blank, 1..K the symbols, K+1 the delimiter (one-hot over K+2). Classes: 0 the blank, 1..K the
 * symbols (K+1 outputs; the delimiter is never a target).
 *
 * <p>Chance predictor: it knows where the blanks are (blank with certainty for the first T+10 steps) and guesses
 * the symbols uniformly. Loss 10 ln(K) / (T+20); the arg-max of its uniform symbol logits is symbol 1, right with
 * probability 1/K, so accuracy (T+10 + 10/K) / (T+20) and sequence accuracy K^-10.
 */
public final class CopyMemoryTask extends GeneratedTask {
    /** The number of symbols to remember. */
    public static final int SYMBOLS = 10;
    /** The smallest T (no blank between the symbols and the delimiter). */
    public static final int MIN_T = 1;
    /** The largest T accepted. */
    public static final int MAX_T = 100_000;
    /** The smallest number of categories. */
    public static final int MIN_K = 2;
    /** The largest number of categories. */
    public static final int MAX_K = 1_000;
    private static final int EVALUATION_SIZE = 1024;

    private final int time;
    private final int categories;

    /** The task with a delay of {@code time} steps and {@code categories} symbol categories. */
    public CopyMemoryTask(int time, int categories) {
        super("copy-T" + time + "-K" + categories, "copy memory: repeat " + SYMBOLS + " symbols of " + categories
                + " categories after " + time + " blank steps (CE per step)",
            new InputEncoding.OneHot(categories + 2), Topology.MANY_TO_MANY, LossType.SOFTMAX_CE, categories + 1,
            Metric.LOSS, EVALUATION_SIZE);
        this.time = Check.inRange(id() + ": T", time, MIN_T, MAX_T);
        this.categories = Check.inRange(id() + ": K", categories, MIN_K, MAX_K);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        int length = time + 2 * SYMBOLS;
        int[] input = new int[length];
        int[] target = new int[length];
        for (int s = 0; s < SYMBOLS; s++) {
            int symbol = 1 + random.nextInt(categories);
            input[s] = symbol;
            target[time + SYMBOLS + s] = symbol;
        }
        input[time + SYMBOLS - 1] = categories + 1;
        return new Example(Track.ids(categories + 2, input), Track.ids(categories + 1, target));
    }

    @Override
    public Map<String, Double> analyticChance() {
        double length = time + 2 * SYMBOLS;
        return Chance.crossEntropy(SYMBOLS * Math.log(categories) / length,
            (time + SYMBOLS + (double) SYMBOLS / categories) / length, Math.pow(categories, -SYMBOLS));
    }

    /** Blank with certainty for the first T+10 steps, then uniform over the K symbols. */
    @Override
    public float[] chanceOutputs(Batch batch) {
        int classes = categories + 1;
        int steps = batch.target().time();
        float[] out = new float[batch.size() * steps * classes];
        // out is (B, T+20, K+1)
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < steps; t++) {
                int row = (b * steps + t) * classes;
                if (t < time + SYMBOLS) {
                    Arrays.fill(out, row + 1, row + classes, Chance.IMPOSSIBLE);
                } else {
                    out[row] = Chance.IMPOSSIBLE;
                }
            }
        }
        return out;
    }
}
