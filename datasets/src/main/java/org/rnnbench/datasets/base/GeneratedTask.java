package org.rnnbench.datasets.base;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Metric;
import org.rnnbench.core.spec.Check;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;

/**
 * A synthetic task whose examples come from a generator. The space of examples is split once and for all by a
 * hash of each example's {@link #partitionKey partition key}: a quarter of the keys is held out. Training draws
 * reject held-out examples and evaluation draws keep only them, so no evaluation example can ever be trained on,
 * whatever the seed, step or size of the space (parity with a few bits, copy with two symbols). Subclasses choose a
 * key that leaves the label distribution of each part equal to the generator's (for parity, the length and every
 * bit but the last), so that the chance baseline holds on the held-out part too.
 */
public abstract class GeneratedTask extends BaseTask {
    /** One key in this many is held out. */
    public static final int HOLD_OUT_PARTS = 4;
    /** Draws tried before concluding that one part of the space is empty. */
    private static final int MAX_DRAWS = 100_000;
    private static final long PARTITION_SALT = 0x5DEECE66DL;

    private final int evaluationSize;

    /**
     * A generated task.
     *
     * @param evaluationSize the number of held-out examples
     */
    protected GeneratedTask(String id, String description, InputEncoding encoding, Topology topology, LossType loss,
                            int outputs, Metric primaryMetric, int evaluationSize) {
        super(id, description, encoding, topology, loss, outputs, primaryMetric);
        this.evaluationSize = Check.positive("evaluation size", evaluationSize);
    }

    /** One example of the generator, held out or not. */
    protected abstract Example draw(SplittableRandom random);

    /** The key that decides which part an example belongs to; by default the hash of its input. */
    protected long partitionKey(Example example) {
        return example.input().contentHash();
    }

    /** True when the example belongs to the held-out part. */
    public final boolean heldOut(Example example) {
        return Math.floorMod(Seeds.fmix64(partitionKey(example) ^ PARTITION_SALT), HOLD_OUT_PARTS) == 0;
    }

    /** The number of held-out examples. */
    public final int evaluationSize() {
        return evaluationSize;
    }

    @Override
    protected final Example trainExample(SplittableRandom random) {
        return drawFrom(random, false);
    }

    @Override
    protected final List<Example> evaluationExamples(long seed) {
        SplittableRandom random = Seeds.evaluation(seed);
        List<Example> examples = new ArrayList<>(evaluationSize);
        for (int i = 0; i < evaluationSize; i++) {
            examples.add(drawFrom(random, true));
        }
        return examples;
    }

    private Example drawFrom(SplittableRandom random, boolean heldOutPart) {
        for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
            Example e = draw(random);
            if (heldOut(e) == heldOutPart) {
                return e;
            }
        }
        throw new IllegalStateException(id() + ": no " + (heldOutPart ? "held-out" : "training")
            + " example in " + MAX_DRAWS + " draws; the space of sequences is too small to split");
    }
}
