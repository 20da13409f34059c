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
import org.rnnbench.datasets.base.Seeds;
import org.rnnbench.datasets.base.Track;

/**
 * Parity: T random bits (tokens 0 and 1, one-hot over 2); the class is their sum modulo 2. Many-to-one,
 * cross-entropy.
 *
 * <p>The held-out part is chosen by the first T-1 bits, so for every prefix both classes occur (the last bit
 * decides) and both parts are exactly balanced, even for small T where the part holds a handful of sequences.
 *
 * <p>Chance predictor: uniform logits, loss ln 2, accuracy 1/2 (the arg-max is class 0).
 */
public final class ParityTask extends GeneratedTask {
    /** The smallest T: 2^(T-1) prefixes leave both parts of the split well filled. */
    public static final int MIN_T = 6;
    /** The largest T accepted. */
    public static final int MAX_T = 100_000;
    private static final int EVALUATION_SIZE = 1024;

    private final int time;

    /** The task on {@code time} bits. */
    public ParityTask(int time) {
        super("parity-T" + time, "parity of " + time + " random bits (CE, chance 50%)", new InputEncoding.OneHot(2),
            Topology.MANY_TO_ONE, LossType.SOFTMAX_CE, 2, Metric.ACCURACY, EVALUATION_SIZE);
        this.time = Check.inRange(id() + ": T", time, MIN_T, MAX_T);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        int[] bits = new int[time];
        int parity = 0;
        for (int t = 0; t < time; t++) {
            bits[t] = random.nextInt(2);
            parity ^= bits[t];
        }
        return new Example(Track.ids(2, bits), Track.ids(2, parity));
    }

    /** The first T-1 bits. */
    @Override
    protected long partitionKey(Example example) {
        int[] prefix = Arrays.copyOf(example.input().ids(), time - 1);
        return Seeds.mix(time, Track.ids(2, prefix).contentHash());
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.uniform(2, 1);
    }
}
