package org.rnnbench.datasets.base;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Metric;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.spec.Check;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;

/**
 * A task made of examples: a training batch is {@code B} examples drawn one after another from the stream
 * {@link Seeds#train(long, long)}, so it is a pure function of (seed, step, B); the evaluation examples come from
 * {@link #evaluationExamples(long)}, computed once per seed (the last seed's are kept) and cut into batches.
 */
public abstract class BaseTask implements SequenceTask {
    private final String id;
    private final String description;
    private final InputEncoding encoding;
    private final Topology topology;
    private final LossType loss;
    private final int outputs;
    private final Metric primaryMetric;
    private long cachedSeed;
    private List<Example> cachedEvaluation;

    /** A task with fixed shape; subclasses supply the examples. */
    protected BaseTask(String id, String description, InputEncoding encoding, Topology topology, LossType loss,
                       int outputs, Metric primaryMetric) {
        this.id = Check.present("task id", id);
        this.description = Check.present("description", description);
        this.encoding = Check.present("encoding", encoding);
        this.topology = Check.present("topology", topology);
        this.loss = Check.present("loss", loss);
        this.outputs = Check.positive("outputs", outputs);
        this.primaryMetric = Check.present("primary metric", primaryMetric);
    }

    /** One training example drawn from {@code random}. */
    protected abstract Example trainExample(SplittableRandom random);

    /** The held-out examples of a run with {@code seed}, in a fixed order. */
    protected abstract List<Example> evaluationExamples(long seed);

    @Override
    public final Batch trainBatch(long seed, long step, int batchSize) {
        Check.positive("batch size", batchSize);
        SplittableRandom random = Seeds.train(seed, step);
        List<Example> examples = new ArrayList<>(batchSize);
        for (int b = 0; b < batchSize; b++) {
            examples.add(trainExample(random));
        }
        return Batches.pack(examples);
    }

    @Override
    public final List<Batch> evaluationSet(long seed, int batchSize) {
        return Batches.chunk(evaluation(seed), batchSize);
    }

    /** The held-out examples of a run with {@code seed}, computed once and kept for the next call. */
    public final synchronized List<Example> evaluation(long seed) {
        if (cachedEvaluation == null || cachedSeed != seed) {
            cachedEvaluation = List.copyOf(evaluationExamples(seed));
            cachedSeed = seed;
        }
        return cachedEvaluation;
    }

    /**
     * The default chance predictor: every output 0, that is uniform logits for cross-entropy (loss ln O; the
     * arg-max is class 0) and the constant 0 for MSE. Tasks with another predictor override this.
     */
    @Override
    public float[] chanceOutputs(Batch batch) {
        return Chance.zeros(batch.target());
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final InputEncoding encoding() {
        return encoding;
    }

    @Override
    public final Topology topology() {
        return topology;
    }

    @Override
    public final LossType loss() {
        return loss;
    }

    @Override
    public final int outputs() {
        return outputs;
    }

    @Override
    public final Metric primaryMetric() {
        return primaryMetric;
    }

    @Override
    public String toString() {
        return id;
    }
}
