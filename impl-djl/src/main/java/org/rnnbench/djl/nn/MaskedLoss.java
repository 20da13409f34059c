package org.rnnbench.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.LossType;

/**
 * The three losses of {@link LossType} over a window of target steps, masked by the target lengths: the sum of
 * the per-position terms at valid positions divided by their count N (and by O for MSE), written with NDArray
 * operations so that autograd differentiates them. N is counted on the host; with N = 0 the loss is 0.
 */
final class MaskedLoss {
    private MaskedLoss() {
    }

    /**
     * A loss and the number of valid positions it averages over.
     *
     * @param loss  the scalar loss
     * @param count N
     */
    record Value(NDArray loss, int count) {
    }

    /**
     * The loss of outputs y over target steps [from, to).
     *
     * @param y (B, to-from, O) raw head outputs
     */
    static Value of(NDManager scope, LossType loss, NDArray y, Sequences target, int from, int to) {
        int batch = target.batch();
        int steps = to - from;
        int outputs = (int) y.getShape().get(2);
        float[] mask = new float[batch * steps];
        int count = 0;
        // mask is (B,T') over target steps [from, to)
        for (int b = 0; b < batch; b++) {
            for (int t = from; t < Math.min(to, target.lengths()[b]); t++) {
                mask[b * steps + t - from] = 1f;
                count++;
            }
        }
        NDArray perPosition = switch (loss) {
            case MSE -> y.sub(targets(scope, target, from, to)).square().sum(new int[] {2});
            case SOFTMAX_CE -> y.logSoftmax(2).mul(classes(scope, target, from, to, outputs)).sum(new int[] {2})
                .neg();
            case SIGMOID_BCE -> y.maximum(0f).sub(y.mul(targets(scope, target, from, to)))
                .add(y.abs().neg().exp().add(1f).log()).sum(new int[] {2});
        };
        // a float divisor: DJL turns a Number into an array of its own type, and a double would promote the 0-d sum
        float divisor = Math.max(1, count) * (loss == LossType.MSE ? outputs : 1);
        NDArray value = perPosition.mul(Nd.values(scope, mask, batch, steps)).sum().div(divisor);
        return new Value(value, count);
    }

    // (B,T',O) real targets of the window
    private static NDArray targets(NDManager scope, Sequences target, int from, int to) {
        return Nd.values(scope, Windows.values(target, from, to), target.batch(), to - from, target.width());
    }

    // (B,T',O) one-hot rows of the window's class ids
    private static NDArray classes(NDManager scope, Sequences target, int from, int to, int outputs) {
        return scope.create(Windows.ids(target, from, to), new Shape(target.batch(), to - from))
            .oneHot(outputs, Nd.FLOAT);
    }
}
