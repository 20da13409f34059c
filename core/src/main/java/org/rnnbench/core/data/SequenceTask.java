package org.rnnbench.core.data;

import java.util.List;
import java.util.Map;

import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/**
 * A sequence task: a deterministic source of training batches, a held-out evaluation set, and a chance baseline.
 *
 * <p>Contract: {@link #trainBatch(long, long, int)} is a pure function of its arguments (same seed and step, same
 * batch, bit for bit); no evaluation sequence ever appears in training; metrics come from
 * {@link MetricAccumulator} on the model's outputs, so every backend is scored by the same code. The chance
 * baseline is given analytically ({@link #analyticChance()}) and empirically, by scoring
 * {@link #chanceOutputs(Batch)} (what a predictor that ignores the input would output) on the evaluation set.
 */
public interface SequenceTask {

    /** The parameterised id, e.g. {@code adding-T200}. */
    String id();

    /** One line saying what the task is. */
    String description();

    /** How the input is encoded (dense features, one-hot or token ids for a learned embedding). */
    InputEncoding encoding();

    /** How inputs and outputs line up in time. */
    Topology topology();

    /** The training loss. */
    LossType loss();

    /** O, the number of outputs (classes for cross-entropy). */
    int outputs();

    /** The metric that says how good a model is (a {@link MetricAccumulator} name). */
    Metric primaryMetric();

    /** The chance level of each metric, derived analytically (at least the primary metric). */
    Map<String, Double> analyticChance();

    /**
     * The training batch of a step.
     *
     * @param seed      the run's seed
     * @param step      the step, from 0
     * @param batchSize B
     */
    Batch trainBatch(long seed, long step, int batchSize);

    /** The held-out evaluation set, cut into batches of at most {@code batchSize}; the same for every seed call. */
    List<Batch> evaluationSet(long seed, int batchSize);

    /** The outputs (B, T_out, O) of the chance predictor for a batch, for the empirical baseline. */
    float[] chanceOutputs(Batch batch);

    /**
     * True when evaluation decodes greedily (encoder-decoder on tokens: each decoder input is the previous
     * predicted token) rather than with teacher forcing.
     */
    default boolean greedyDecoding() {
        return false;
    }

    /** The model this task needs with the given recurrent stack. */
    default ModelSpec model(CellType cell, int hidden, int layers) {
        return new ModelSpec(encoding(), cell, hidden, layers, topology(), outputs(), loss());
    }

    /** The empirical chance baseline: the chance predictor scored on the evaluation set. */
    default Map<String, Double> empiricalChance(long seed, int batchSize) {
        MetricAccumulator acc = new MetricAccumulator(loss());
        for (Batch b : evaluationSet(seed, batchSize)) {
            acc.add(b.target(), chanceOutputs(b));
        }
        return acc.result();
    }
}
