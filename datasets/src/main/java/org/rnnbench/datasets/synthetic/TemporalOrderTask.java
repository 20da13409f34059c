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
 * The temporal order problem, Hochreiter and Schmidhuber (1997), experiment 6a. A sequence of 100 to 110 steps
 * (variable length) starts with the begin symbol B and ends with the end symbol E; in between are distractors
 * a, b, c, d, except at one step t1 in [10, 20] and one step t2 in [50, 60] which hold X or Y. The class is the
 * order of the two: XX, XY, YX, YY (0..3). Many-to-one, cross-entropy.
 *
 * <p>Tokens: a b c d = 0..3, X = 4, Y = 5, B = 6, E = 7 (one-hot over 8).
 *
 * <p>Chance predictor: uniform logits, loss ln 4; their arg-max is class 0, right for a quarter of the balanced
 * classes.
 */
public final class TemporalOrderTask extends GeneratedTask {
    /** The shortest sequence. */
    public static final int MIN_LENGTH = 100;
    /** The longest sequence. */
    public static final int MAX_LENGTH = 110;
    private static final int X = 4;
    private static final int BEGIN = 6;
    private static final int END = 7;
    private static final int VOCAB = 8;
    private static final int EVALUATION_SIZE = 1024;

    /** The task. */
    public TemporalOrderTask() {
        super("temporal-order", "temporal order (Hochreiter 1997, 6a): classify the order of X/Y at t1 in [10,20] and"
                + " t2 in [50,60], lengths 100-110 (CE, chance 25%)",
            new InputEncoding.OneHot(VOCAB), Topology.MANY_TO_ONE, LossType.SOFTMAX_CE, 4, Metric.ACCURACY,
            EVALUATION_SIZE);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        int length = MIN_LENGTH + random.nextInt(MAX_LENGTH - MIN_LENGTH + 1);
        int[] x = new int[length];
        for (int t = 1; t < length - 1; t++) {
            x[t] = random.nextInt(4);
        }
        x[0] = BEGIN;
        x[length - 1] = END;
        int first = random.nextInt(2);
        int second = random.nextInt(2);
        x[10 + random.nextInt(11)] = X + first;
        x[50 + random.nextInt(11)] = X + second;
        return new Example(Track.ids(VOCAB, x), Track.ids(4, 2 * first + second));
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.uniform(4, 1);
    }
}
