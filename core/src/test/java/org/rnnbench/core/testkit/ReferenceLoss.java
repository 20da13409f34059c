package org.rnnbench.core.testkit;

import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.LossType;

/**
 * The three losses of {@link LossType} with their masks, in double precision, and their gradient with respect to
 * the head's outputs. Only target positions {@code (b, t)} with {@code from <= t < to} and {@code t < lengths[b]}
 * count; the loss is the mean over them (and over outputs for MSE) exactly as {@link LossType} says. With no
 * valid position the loss and its gradient are 0.
 */
public final class ReferenceLoss {
    private ReferenceLoss() {
    }

    /**
     * A loss value and its gradient.
     *
     * @param loss  the mean loss
     * @param count N, the valid positions counted
     * @param dy    (B, T_out, O) dL/dy, zero at positions that do not count
     */
    public record Value(double loss, int count, double[][][] dy) {
    }

    /** The loss of outputs y (B, T_out, O) against targets over the target steps [from, to). */
    public static Value evaluate(LossType loss, double[][][] y, Sequences target, int from, int to) {
        int batch = y.length;
        int outputs = y[0][0].length;
        int count = 0;
        for (int b = 0; b < batch; b++) {
            for (int t = from; t < to; t++) {
                count += target.valid(b, t) ? 1 : 0;
            }
        }
        double[][][] dy = new double[batch][y[0].length][outputs];
        if (count == 0) {
            return new Value(0, 0, dy);
        }
        double sum = 0;
        // y, dy are (B,T_out,O); targets are (B,T_out,O) values or (B,T_out) ids
        for (int b = 0; b < batch; b++) {
            for (int t = from; t < to; t++) {
                if (!target.valid(b, t)) {
                    continue;
                }
                double[] yt = y[b][t];
                switch (loss) {
                    case MSE -> {
                        for (int o = 0; o < outputs; o++) {
                            double d = yt[o] - target.values()[(b * target.time() + t) * outputs + o];
                            sum += d * d;
                            dy[b][t][o] = 2 * d / ((double) count * outputs);
                        }
                    }
                    case SOFTMAX_CE -> {
                        int k = target.ids()[b * target.time() + t];
                        double max = Double.NEGATIVE_INFINITY;
                        for (double v : yt) {
                            max = Math.max(max, v);
                        }
                        double z = 0;
                        for (double v : yt) {
                            z += Math.exp(v - max);
                        }
                        sum += Math.log(z) + max - yt[k];
                        for (int o = 0; o < outputs; o++) {
                            dy[b][t][o] = (Math.exp(yt[o] - max) / z - (o == k ? 1 : 0)) / count;
                        }
                    }
                    case SIGMOID_BCE -> {
                        for (int o = 0; o < outputs; o++) {
                            double v = yt[o];
                            double tt = target.values()[(b * target.time() + t) * outputs + o];
                            sum += Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))) - tt * v;
                            dy[b][t][o] = (ReferenceCells.sigmoid(v) - tt) / count;
                        }
                    }
                }
            }
        }
        double mean = loss == LossType.MSE ? sum / ((double) count * outputs) : sum / count;
        return new Value(mean, count, dy);
    }
}
