package org.rnnbench.datasets.synthetic;

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
 * Parity: a string of 1 to T random bits (variable length, uniform; tokens 0 and 1, one-hot over 2); the class is
 * their sum modulo 2. Many-to-one on each sequence's last valid step, cross-entropy.
 *
 * <p>Why the lengths vary: at a fixed length the label is independent of every proper subset of the bits, so the
 * gradient at initialisation carries no information and gradient descent stays at chance for a very long time
 * (measured here: no cell left ln 2 in 500 Adam steps at T = 6). The short strings teach the XOR update, which then
 * holds at every length, so a model that carries its state over T steps scores well on the long strings too (the
 * "XOR" problem of OpenAI's Requests for Research 2.0).
 *
 * <p>The held-out part is chosen by the length and every bit but the last, so for every key both classes occur
 * (the last bit decides) and both parts are exactly balanced, even for small T where a part holds few strings.
 *
 * <p>Chance predictor: uniform logits, loss ln 2, accuracy 1/2 (the arg-max is class 0).
 */
public final class ParityTask extends GeneratedTask {
    /** The smallest T: the 2^T - 1 keys (length and all bits but the last) leave both parts of the split filled. */
    public static final int MIN_T = 6;
    /** The largest T accepted. */
    public static final int MAX_T = 100_000;
    private static final int EVALUATION_SIZE = 1024;

    private final int time;

    /** The task on {@code time} bits. */
    public ParityTask(int time) {
        super("parity-T" + time, "parity of 1 to " + time + " random bits (CE, chance 50%)", new InputEncoding.OneHot(2),
            Topology.MANY_TO_ONE, LossType.SOFTMAX_CE, 2, Metric.ACCURACY, EVALUATION_SIZE);
        this.time = Check.inRange(id() + ": T", time, MIN_T, MAX_T);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        int[] bits = new int[1 + random.nextInt(time)];
        int parity = 0;
        for (int t = 0; t < bits.length; t++) {
            bits[t] = random.nextInt(2);
            parity ^= bits[t];
        }
        return new Example(Track.ids(2, bits), Track.ids(2, parity));
    }

    /** The length and every bit but the last. */
    @Override
    protected long partitionKey(Example example) {
        int[] bits = example.input().ids();
        long key = Seeds.mix(time, bits.length);
        for (int t = 0; t < bits.length - 1; t++) {
            key = Seeds.mix(key, bits[t]);
        }
        return key;
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.uniform(2, 1);
    }
}
