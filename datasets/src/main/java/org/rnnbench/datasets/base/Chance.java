package org.rnnbench.datasets.base;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rnnbench.core.data.Metric;
import org.rnnbench.core.data.Sequences;

/**
 * Building blocks of chance baselines: outputs of predictors that ignore the input, and analytic metric values
 * keyed by {@link org.rnnbench.core.data.MetricAccumulator}'s names.
 */
public final class Chance {
    /**
     * A logit low enough that its class gets probability 0 in float arithmetic next to a logit of 0
     * ({@code exp(-1e4)} underflows), used for classes a chance predictor knows cannot occur.
     */
    public static final float IMPOSSIBLE = -1e4f;

    private Chance() {
    }

    /** Outputs (B, T_out, O) that are 0 everywhere: uniform logits for cross-entropy, the constant 0 for MSE. */
    public static float[] zeros(Sequences target) {
        return new float[target.batch() * target.time() * target.width()];
    }

    /** Outputs (B, T_out, O) with the same O values at every position. */
    public static float[] constant(Sequences target, float[] perPosition) {
        int width = target.width();
        if (perPosition.length != width) {
            throw new IllegalArgumentException("a position needs " + width + " outputs, got " + perPosition.length);
        }
        float[] out = new float[target.batch() * target.time() * width];
        // out is (B, T_out, O)
        for (int row = 0; row < target.batch() * target.time(); row++) {
            System.arraycopy(perPosition, 0, out, row * width, width);
        }
        return out;
    }

    /** Natural-log probabilities as logits (softmax of them gives back the probabilities). */
    public static float[] logProbabilities(double[] probabilities) {
        float[] logits = new float[probabilities.length];
        for (int k = 0; k < logits.length; k++) {
            logits[k] = (float) Math.log(probabilities[k]);
        }
        return logits;
    }

    /** The MSE metrics of a chance predictor with mean squared error {@code mse}. */
    public static Map<String, Double> mse(double mse) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metric.LOSS.name(), mse);
        m.put(Metric.MSE.name(), mse);
        return m;
    }

    /**
     * The cross-entropy metrics of a chance predictor.
     *
     * @param lossNats           mean cross-entropy per position in nats
     * @param accuracy           fraction of positions right
     * @param sequenceAccuracy   fraction of sequences with every position right, or NaN to leave it out (one output
     *                           per sequence, or no closed form)
     */
    public static Map<String, Double> crossEntropy(double lossNats, double accuracy, double sequenceAccuracy) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metric.LOSS.name(), lossNats);
        m.put(Metric.ACCURACY.name(), accuracy);
        m.put(Metric.BITS_PER_SYMBOL.name(), lossNats / Math.log(2));
        if (!Double.isNaN(sequenceAccuracy)) {
            m.put(Metric.SEQUENCE_ACCURACY.name(), sequenceAccuracy);
        }
        return m;
    }

    /**
     * The cross-entropy metrics of uniform logits over {@code classes} balanced classes: loss ln(classes); the
     * arg-max of equal logits is class 0, right for a fraction 1/classes of the positions.
     *
     * @param positions target positions per sequence (for the sequence accuracy 1/classes^positions), or 1 for one
     *                  output per sequence
     */
    public static Map<String, Double> uniform(int classes, int positions) {
        return crossEntropy(Math.log(classes), 1.0 / classes,
            positions > 1 ? Math.pow(classes, -positions) : Double.NaN);
    }

    /** The BCE metrics of a chance predictor with negative log-likelihood {@code nll} per step. */
    public static Map<String, Double> bce(double nll) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metric.LOSS.name(), nll);
        m.put(Metric.NLL_PER_STEP.name(), nll);
        return m;
    }
}
