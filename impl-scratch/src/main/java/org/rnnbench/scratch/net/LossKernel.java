package org.rnnbench.scratch.net;

import java.util.Arrays;

import org.rnnbench.core.data.LossFunctions;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.LossType;

/**
 * The three losses of {@link LossType} with their gradients, over the rows of a window of head outputs
 * (row t*B + b holds position (b, t0 + t) of the targets). Positions at or past a target length are masked out;
 * the mean is over the N valid positions (times O for MSE). Sums run in double.
 */
final class LossKernel {
    private final LossType type;
    private int count;

    LossKernel(LossType type) {
        this.type = type;
    }

    /** N, the valid positions of the last {@link #compute}. */
    int count() {
        return count;
    }

    /**
     * The loss of outputs {@code y} (T*B, O) against targets positions t0..t0+time-1; writes dL/dy to {@code dy}.
     * Returns 0 with a zero gradient when no position is valid. NaN outputs give a NaN loss.
     */
    double compute(float[] y, float[] dy, int time, int batch, int outputs, int t0, Sequences target) {
        int[] lengths = target.lengths();
        count = 0;
        for (int t = 0; t < time; t++) {
            for (int b = 0; b < batch; b++) {
                count += t0 + t < lengths[b] ? 1 : 0;
            }
        }
        Arrays.fill(dy, 0, time * batch * outputs, 0f);
        if (count == 0) {
            return 0;
        }
        double scale = type == LossType.MSE ? 1.0 / ((double) count * outputs) : 1.0 / count;
        double sum = 0;
        // y and dy are (T*B, O) time-major; target is (B, T_out, O) values or (B, T_out) ids
        for (int t = 0; t < time; t++) {
            for (int b = 0; b < batch; b++) {
                if (t0 + t >= lengths[b]) {
                    continue;
                }
                int row = (t * batch + b) * outputs;
                int position = b * target.time() + t0 + t;
                sum += switch (type) {
                    case MSE -> mse(y, dy, row, outputs, target.values(), position * outputs, scale);
                    case SOFTMAX_CE -> crossEntropy(y, dy, row, outputs, target.ids()[position], scale);
                    case SIGMOID_BCE -> binaryCrossEntropy(y, dy, row, outputs, target.values(), position * outputs,
                        scale);
                };
            }
        }
        return sum * scale;
    }

    private static double mse(float[] y, float[] dy, int row, int outputs, float[] t, int at, double scale) {
        double sum = 0;
        for (int o = 0; o < outputs; o++) {
            double d = (double) y[row + o] - t[at + o];
            sum += d * d;
            dy[row + o] = (float) (2 * d * scale);
        }
        return sum;
    }

    private static double crossEntropy(float[] y, float[] dy, int row, int outputs, int k, double scale) {
        double loss = LossFunctions.crossEntropy(y, row, outputs, k);
        double logSumExp = loss + y[row + k];
        for (int o = 0; o < outputs; o++) {
            double p = Math.exp(y[row + o] - logSumExp);
            dy[row + o] = (float) ((p - (o == k ? 1 : 0)) * scale);
        }
        return loss;
    }

    private static double binaryCrossEntropy(float[] y, float[] dy, int row, int outputs, float[] t, int at,
                                             double scale) {
        double sum = 0;
        for (int o = 0; o < outputs; o++) {
            double v = y[row + o];
            double target = t[at + o];
            sum += LossFunctions.binaryCrossEntropy(v, target);
            double sigmoid = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
            dy[row + o] = (float) ((sigmoid - target) * scale);
        }
        return sum;
    }
}
