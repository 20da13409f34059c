package org.rnnbench.dl4j.classic;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;

/**
 * A loss computed on the output layer's logits (identity activation), stable for any logit. DL4J's
 * {@code LossMCXENT} and {@code LossBinaryXENT} take probabilities after a softmax or sigmoid activation:
 * {@code LossBinaryXENT} clips them to [1e-5, 1-1e-5] by default (a wrong score and a wrong gradient near
 * saturation), and without clipping divides by {@code p(1-p)}, which is 0 in float32 once |logit| exceeds about
 * 17, giving NaN gradients. These losses have the gradients {@code softmax(z) - y} and {@code sigmoid(z) - y} directly.
 *
 * <p>Rows are positions (DL4J reshapes (B, O, T) to (B*T, O)); a mask of shape (rows, 1) drops positions.
 */
abstract class LogitLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    /** The loss terms (rows, O), unmasked. */
    abstract INDArray terms(INDArray labels, INDArray logits);

    /** dL/dlogits (rows, O) of the summed terms, unmasked. */
    abstract INDArray gradient(INDArray labels, INDArray logits);

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireIdentity(activationFn);
        return masked(terms(labels.castTo(preOutput.dataType()), preOutput), mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireIdentity(activationFn);
        return masked(gradient(labels.castTo(preOutput.dataType()), preOutput), mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
            computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return name() + "()";
    }

    // zeroes masked rows in place (mask (rows, 1)) or masked entries (mask like a)
    private static INDArray masked(INDArray a, INDArray mask) {
        if (mask != null) {
            LossUtil.applyMask(a, mask);
        }
        return a;
    }

    private void requireIdentity(IActivation activation) {
        if (!(activation instanceof ActivationIdentity)) {
            throw new IllegalStateException(name() + " reads logits: the output layer's activation must be identity, "
                + "got " + activation);
        }
    }
}
