package org.rnnbench.core.data;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rnnbench.core.spec.LossType;

/**
 * Sums the metrics of a loss type over batches of model outputs, so that every backend is scored by the same code.
 * Outputs are the head's raw values (B, T_out, O), row-major, as {@code SequenceModel.forward} returns them.
 *
 * <ul>
 *   <li>every loss: {@code loss}, defined as in {@link LossType} but over the whole evaluation set;</li>
 *   <li>MSE: {@code mse};</li>
 *   <li>cross-entropy: {@code accuracy}, {@code bits_per_symbol}, and {@code sequence_accuracy} when T_out &gt; 1;</li>
 *   <li>BCE: {@code nll_per_step}.</li>
 * </ul>
 */
public final class MetricAccumulator {
    private final LossType loss;
    private double lossSum;
    private long positions;
    private long outputsSeen;
    private long correct;
    private long sequences;
    private long sequencesCorrect;
    private boolean multiStep;

    /** An empty accumulator for a loss type. */
    public MetricAccumulator(LossType loss) {
        this.loss = loss;
    }

    /**
     * Adds one batch.
     *
     * @param target  the batch's targets
     * @param outputs (B, T_out, O) raw head outputs
     */
    public void add(Sequences target, float[] outputs) {
        int batch = target.batch();
        int time = target.time();
        int width = target.width();
        if (outputs.length != batch * time * width) {
            throw new IllegalArgumentException("outputs hold " + outputs.length + " values, the targets need (" + batch
                + ", " + time + ", " + width + ") = " + batch * time * width);
        }
        multiStep |= time > 1;
        for (int b = 0; b < batch; b++) {
            boolean allRight = true;
            for (int t = 0; t < target.lengths()[b]; t++) {
                int row = (b * time + t) * width;
                switch (loss) {
                    case MSE -> {
                        for (int o = 0; o < width; o++) {
                            double d = outputs[row + o] - target.values()[row + o];
                            lossSum += d * d;
                        }
                        outputsSeen += width;
                    }
                    case SOFTMAX_CE -> {
                        int k = target.ids()[b * time + t];
                        lossSum += LossFunctions.crossEntropy(outputs, row, width, k);
                        boolean right = LossFunctions.argMax(outputs, row, width) == k;
                        correct += right ? 1 : 0;
                        allRight &= right;
                    }
                    case SIGMOID_BCE -> {
                        for (int o = 0; o < width; o++) {
                            lossSum += LossFunctions.binaryCrossEntropy(outputs[row + o], target.values()[row + o]);
                        }
                    }
                    default -> throw new IllegalStateException("unhandled loss " + loss);
                }
                positions++;
            }
            sequences++;
            sequencesCorrect += allRight ? 1 : 0;
        }
    }

    /** The metrics so far, by name; NaN when nothing was added. */
    public Map<String, Double> result() {
        Map<String, Double> m = new LinkedHashMap<>();
        double meanLoss = loss == LossType.MSE ? lossSum / outputsSeen : lossSum / positions;
        m.put(Metric.LOSS.name(), meanLoss);
        switch (loss) {
            case MSE -> m.put(Metric.MSE.name(), meanLoss);
            case SOFTMAX_CE -> {
                m.put(Metric.ACCURACY.name(), (double) correct / positions);
                m.put(Metric.BITS_PER_SYMBOL.name(), meanLoss / Math.log(2));
                if (multiStep) {
                    m.put(Metric.SEQUENCE_ACCURACY.name(), (double) sequencesCorrect / sequences);
                }
            }
            case SIGMOID_BCE -> m.put(Metric.NLL_PER_STEP.name(), meanLoss);
            default -> throw new IllegalStateException("unhandled loss " + loss);
        }
        return m;
    }
}
