package org.rnnbench.datasets.synthetic;

import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Metric;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.datasets.base.Chance;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.GeneratedTask;
import org.rnnbench.datasets.base.Track;

/**
 * Genomics: random DNA of variable length ({@value #MIN_LENGTH} to {@value #MAX_LENGTH} bases, uniform and
 * independent A, C, G, T = tokens 0..3, one-hot over 4). Half the sequences carry the motif {@code TATAAT} (the
 * bacterial -10 promoter box) planted at a uniform position: class 1. The other half are drawn again until they do
 * not contain it: class 0. Many-to-one on each sequence's last valid step, cross-entropy.
 *
 * <p>Chance predictor: uniform logits, loss ln 2, accuracy 1/2 (the arg-max is class 0).
 */
public final class DnaMotifTask extends GeneratedTask {
    /** The shortest sequence. */
    public static final int MIN_LENGTH = 40;
    /** The longest sequence. */
    public static final int MAX_LENGTH = 120;
    /** The planted motif as tokens: T A T A A T. */
    private static final int[] MOTIF = {3, 0, 3, 0, 0, 3};
    private static final int EVALUATION_SIZE = 1024;

    /** The task. */
    public DnaMotifTask() {
        super("dna-motif", "genomics: does a random DNA sequence of " + MIN_LENGTH + "-" + MAX_LENGTH
                + " bases contain the motif TATAAT (CE, chance 50%)",
            new InputEncoding.OneHot(4), Topology.MANY_TO_ONE, LossType.SOFTMAX_CE, 2, Metric.ACCURACY,
            EVALUATION_SIZE);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        int length = MIN_LENGTH + random.nextInt(MAX_LENGTH - MIN_LENGTH + 1);
        int label = random.nextInt(2);
        int[] bases = new int[length];
        do {
            for (int t = 0; t < length; t++) {
                bases[t] = random.nextInt(4);
            }
        } while (label == 0 && contains(bases));
        if (label == 1) {
            System.arraycopy(MOTIF, 0, bases, random.nextInt(length - MOTIF.length + 1), MOTIF.length);
        }
        return new Example(Track.ids(4, bases), Track.ids(2, label));
    }

    /** True when the motif occurs somewhere in {@code bases}. */
    static boolean contains(int[] bases) {
        for (int start = 0; start + MOTIF.length <= bases.length; start++) {
            int k = 0;
            while (k < MOTIF.length && bases[start + k] == MOTIF[k]) {
                k++;
            }
            if (k == MOTIF.length) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.uniform(2, 1);
    }
}
