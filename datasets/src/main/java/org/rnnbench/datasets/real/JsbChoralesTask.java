package org.rnnbench.datasets.real;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.LossFunctions;
import org.rnnbench.core.data.Metric;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.datasets.base.BaseTask;
import org.rnnbench.datasets.base.Chance;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.Lazy;
import org.rnnbench.datasets.base.Track;
import org.rnnbench.datasets.io.JsbFile;

/**
 * JSB Chorales at quarter-note resolution (Boulanger-Lewandowski et al. 2012 split): each chorale is a piano roll of
 * 88 keys (MIDI 21-108); at each step the model reads the keys sounding now and predicts, with 88 independent
 * sigmoid outputs, the keys sounding at the next step. Many-to-many on variable lengths (24 to 159 steps, masked),
 * sigmoid binary cross-entropy; the score is the negative log-likelihood per time step in nats (Chung et al. 2014
 * report 8.54-9.19 on the test split).
 *
 * <p>Training batches draw training chorales uniformly with replacement; the evaluation set is the test split in
 * file order. The validation split is not used (nothing here selects models).
 *
 * <p>Chance predictor: each key's marginal probability over every step of the training chorales (add-one smoothed)
 * as a logit, the same at every step. Its analytic NLL is computed from the test split's key counts, about 11.09;
 * under the training marginals themselves (the sum of their binary entropies) it would be 11.17.
 */
public final class JsbChoralesTask extends BaseTask {
    /** The number of piano keys. */
    public static final int KEYS = JsbFile.HIGHEST_PITCH - JsbFile.LOWEST_PITCH + 1;

    private final Lazy<float[]> chanceLogits = new Lazy<>(JsbChoralesTask::marginalLogits);

    /** The task. */
    public JsbChoralesTask() {
        super("jsb-chorales", "JSB Chorales, 88-key piano rolls at quarter notes: predict the next step's keys "
                + "(sigmoid BCE, NLL per step; chance: training key marginals)",
            new InputEncoding.Dense(KEYS), Topology.MANY_TO_MANY, LossType.SIGMOID_BCE, KEYS, Metric.NLL_PER_STEP);
    }

    private static float[] marginalLogits() {
        long[] on = new long[KEYS];
        long steps = 0;
        for (int[][] chorale : JsbFile.load().train()) {
            for (int[] step : chorale) {
                steps++;
                for (int pitch : step) {
                    on[pitch - JsbFile.LOWEST_PITCH]++;
                }
            }
        }
        float[] logits = new float[KEYS];
        for (int k = 0; k < KEYS; k++) {
            double p = (on[k] + 1.0) / (steps + 2.0);
            logits[k] = (float) Math.log(p / (1 - p));
        }
        return logits;
    }

    /** A chorale as an example: inputs are steps 0..n-2, targets steps 1..n-1. */
    static Example example(int[][] chorale) {
        int steps = chorale.length - 1;
        float[] input = new float[steps * KEYS];
        float[] target = new float[steps * KEYS];
        // input and target are (n-1, 88)
        for (int t = 0; t < steps; t++) {
            for (int pitch : chorale[t]) {
                input[t * KEYS + pitch - JsbFile.LOWEST_PITCH] = 1f;
            }
            for (int pitch : chorale[t + 1]) {
                target[t * KEYS + pitch - JsbFile.LOWEST_PITCH] = 1f;
            }
        }
        return new Example(Track.values(KEYS, input), Track.values(KEYS, target));
    }

    @Override
    protected Example trainExample(SplittableRandom random) {
        List<int[][]> train = JsbFile.load().train();
        return example(train.get(random.nextInt(train.size())));
    }

    @Override
    protected List<Example> evaluationExamples(long seed) {
        List<Example> examples = new ArrayList<>();
        for (int[][] chorale : JsbFile.load().test()) {
            examples.add(example(chorale));
        }
        return examples;
    }

    /** Closed form over the key counts of the test targets (every step but each chorale's first). */
    @Override
    public Map<String, Double> analyticChance() {
        long[] on = new long[KEYS];
        long steps = 0;
        for (int[][] chorale : JsbFile.load().test()) {
            for (int t = 1; t < chorale.length; t++) {
                steps++;
                for (int pitch : chorale[t]) {
                    on[pitch - JsbFile.LOWEST_PITCH]++;
                }
            }
        }
        float[] logits = chanceLogits.get();
        double nll = 0;
        for (int k = 0; k < KEYS; k++) {
            nll += on[k] * LossFunctions.binaryCrossEntropy(logits[k], 1)
                + (steps - on[k]) * LossFunctions.binaryCrossEntropy(logits[k], 0);
        }
        return Chance.bce(nll / steps);
    }

    /** The training key marginals as logits at every step. */
    @Override
    public float[] chanceOutputs(Batch batch) {
        return Chance.constant(batch.target(), chanceLogits.get());
    }
}
