package org.rnnbench.datasets.real;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.LossFunctions;
import org.rnnbench.core.data.Metric;
import org.rnnbench.core.spec.Check;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.datasets.base.BaseTask;
import org.rnnbench.datasets.base.Chance;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.Lazy;
import org.rnnbench.datasets.base.Track;
import org.rnnbench.datasets.io.ShakespeareFile;

/**
 * Character-level language model on Tiny Shakespeare: read T characters, predict each next one. Many-to-many,
 * cross-entropy; the score is bits per character.
 *
 * <p>Encoding: one-hot over the 65 distinct characters (sorted), as in char-rnn; no embedding parameters, so every
 * backend runs the same model.
 *
 * <p>Split, contiguous: the first 90% of the text trains (windows of T+1 characters at uniform starts, every
 * character of a window before the split), the last 10% is held out. The evaluation set cuts the held-out text into
 * consecutive windows of T (the last one shorter, masked), so that every held-out character after the first is
 * predicted exactly once.
 *
 * <p>Chance predictor: the training text's unigram distribution (add-one smoothed) as log-probability logits,
 * the same at every step. Its analytic loss is the cross-entropy of those logits against the held-out characters'
 * counts, its accuracy the held-out frequency of the most frequent training character (the space); about 4.83 and
 * 0.149 (the training text's own unigram entropy is 4.77 bits).
 */
public final class ShakespeareCharTask extends BaseTask {
    /** The fraction of the text that trains. */
    public static final double TRAIN_FRACTION = 0.9;
    /** The largest T accepted. */
    public static final int MAX_T = 10_000;

    /** The prepared text: ids, split point and chance logits. */
    private record Prepared(int[] ids, int split, float[] chanceLogits) {
    }

    private final int time;
    private final Lazy<Prepared> data = new Lazy<>(ShakespeareCharTask::prepare);

    /** The task on windows of {@code time} characters. */
    public ShakespeareCharTask(int time) {
        super("shakespeare-char-T" + time, "Tiny Shakespeare character language model on windows of " + time
                + " characters, 90/10 contiguous split (CE, bits per char; chance: unigram)",
            new InputEncoding.OneHot(ShakespeareFile.VOCABULARY), Topology.MANY_TO_MANY, LossType.SOFTMAX_CE,
            ShakespeareFile.VOCABULARY, Metric.BITS_PER_SYMBOL);
        this.time = Check.inRange(id() + ": T", time, 1, MAX_T);
    }

    private static Prepared prepare() {
        int[] ids = ShakespeareFile.load().ids();
        int split = (int) (ids.length * TRAIN_FRACTION);
        long[] counts = new long[ShakespeareFile.VOCABULARY];
        for (int i = 0; i < split; i++) {
            counts[ids[i]]++;
        }
        double[] p = new double[counts.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = (counts[c] + 1.0) / (split + counts.length);
        }
        return new Prepared(ids, split, Chance.logProbabilities(p));
    }

    /** The index of the first held-out character. */
    public int splitIndex() {
        return data.get().split();
    }

    /** The first character of a training window drawn from {@code random}: its T+1 characters precede the split. */
    int trainWindowStart(SplittableRandom random) {
        return random.nextInt(data.get().split() - time);
    }

    /** The window of {@code length} inputs starting at {@code start} and its targets, one character later. */
    Example window(int start, int length) {
        int[] ids = data.get().ids();
        int vocab = ShakespeareFile.VOCABULARY;
        return new Example(Track.ids(vocab, Arrays.copyOfRange(ids, start, start + length)),
            Track.ids(vocab, Arrays.copyOfRange(ids, start + 1, start + length + 1)));
    }

    @Override
    protected Example trainExample(SplittableRandom random) {
        return window(trainWindowStart(random), time);
    }

    @Override
    protected List<Example> evaluationExamples(long seed) {
        Prepared d = data.get();
        List<Example> examples = new ArrayList<>();
        for (int start = d.split(); start + 1 < d.ids().length; start += time) {
            examples.add(window(start, Math.min(time, d.ids().length - 1 - start)));
        }
        return examples;
    }

    /** Closed form over the counts of the held-out targets (every character after the split's first). */
    @Override
    public Map<String, Double> analyticChance() {
        Prepared d = data.get();
        float[] logits = d.chanceLogits();
        long[] counts = new long[logits.length];
        for (int i = d.split() + 1; i < d.ids().length; i++) {
            counts[d.ids()[i]]++;
        }
        long n = d.ids().length - d.split() - 1;
        double loss = 0;
        for (int c = 0; c < logits.length; c++) {
            loss += counts[c] * LossFunctions.crossEntropy(logits, 0, logits.length, c);
        }
        int guess = LossFunctions.argMax(logits, 0, logits.length);
        return Chance.crossEntropy(loss / n, (double) counts[guess] / n, Double.NaN);
    }

    /** The training unigram's log-probabilities at every step. */
    @Override
    public float[] chanceOutputs(Batch batch) {
        return Chance.constant(batch.target(), data.get().chanceLogits());
    }
}
