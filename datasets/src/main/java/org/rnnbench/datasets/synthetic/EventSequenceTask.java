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
 * Event sequences: {@value #MIN_EVENTS} to {@value #MAX_EVENTS} events (variable length), each of one of
 * {@value #TYPES} types with a timestamp; the gaps between events are exponential with mean 1. The first type is
 * uniform; after an event of type k that came a short gap after its predecessor (below the median ln 2), the next
 * type is k+1 (mod {@value #TYPES}) with probability 0.7, after a long gap k-1 with probability 0.7; otherwise one
 * of the three other types, 0.1 each. Input at step i: the one-hot type of event i and the gap before it; target:
 * the type of event i+1. Many-to-many, cross-entropy. A model that reads types and gaps can reach 70% accuracy.
 *
 * <p>Both transition matrices are circulant, so every type is uniform at every step. Chance predictor: uniform
 * logits, loss ln 4, accuracy 1/4 (the arg-max is type 0).
 */
public final class EventSequenceTask extends GeneratedTask {
    /** The number of event types. */
    public static final int TYPES = 4;
    /** The fewest predicted events per sequence. */
    public static final int MIN_EVENTS = 30;
    /** The most predicted events per sequence. */
    public static final int MAX_EVENTS = 60;
    private static final double LIKELY = 0.7;
    private static final double MEDIAN_GAP = Math.log(2);
    private static final int EVALUATION_SIZE = 1024;

    /** The task. */
    public EventSequenceTask() {
        super("events", "event sequences: predict the next of " + TYPES + " event types from past types and "
                + "timestamps, " + MIN_EVENTS + "-" + MAX_EVENTS + " events (CE, chance 25%)",
            new InputEncoding.Dense(TYPES + 1), Topology.MANY_TO_MANY, LossType.SOFTMAX_CE, TYPES, Metric.ACCURACY,
            EVALUATION_SIZE);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        int steps = MIN_EVENTS + random.nextInt(MAX_EVENTS - MIN_EVENTS + 1);
        float[] input = new float[steps * (TYPES + 1)];
        int[] target = new int[steps];
        int type = random.nextInt(TYPES);
        // input is (steps, TYPES+1): one-hot type, gap before the event
        for (int i = 0; i < steps; i++) {
            double gap = -Math.log(1.0 - random.nextDouble());
            input[i * (TYPES + 1) + type] = 1f;
            input[i * (TYPES + 1) + TYPES] = (float) gap;
            type = next(type, gap < MEDIAN_GAP, random);
            target[i] = type;
        }
        return new Example(Track.values(TYPES + 1, input), Track.ids(TYPES, target));
    }

    /** The type after {@code type}: one step up after a short gap, down after a long one, with probability 0.7. */
    private static int next(int type, boolean shortGap, SplittableRandom random) {
        int likely = shortGap ? 1 : TYPES - 1;
        if (random.nextDouble() < LIKELY) {
            return (type + likely) % TYPES;
        }
        int other = random.nextInt(TYPES - 1);
        return (type + (other < likely ? other : other + 1)) % TYPES;
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.crossEntropy(Math.log(TYPES), 1.0 / TYPES, Double.NaN);
    }
}
