package org.rnnbench.dl4j.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.rnnbench.core.spec.LossType;

/**
 * The per-output loss terms of {@link LossType} on logits z (R, O) and targets y (R, O), before masking and
 * normalisation; their sum times the mask and {@code 1/(N*O)} (MSE) or {@code 1/N} gives the loss.
 */
final class LossTerms {
    private LossTerms() {
    }

    static SDVariable of(SameDiff sd, LossType loss, SDVariable z, SDVariable y) {
        return switch (loss) {
            case MSE -> {
                SDVariable d = z.sub(y);
                yield d.mul(d);
            }
            // log-softmax over the last dimension, written out: SameDiff's logSoftmax gives -inf where a logit lies
            // about 100 below the row's largest (the minimal cells' unbounded states reach that), and -inf times
            // the 0 of a one-hot y is NaN. Shifted by the row maximum, every term is finite. y is one-hot.
            case SOFTMAX_CE -> {
                SDVariable shifted = z.sub(sd.max(z, true, 1));
                SDVariable logSoftmax = shifted.sub(sd.math().log(sd.sum(sd.math().exp(shifted), true, 1)));
                yield logSoftmax.mul(y).neg();
            }
            case SIGMOID_BCE -> {
                // log(1 + e^z) - y*z, stably: (z + |z|)/2 + log1p(e^-|z|). Not relu(z): with relu'(0) = 0 and
                // sign(0) = 0 the gradient at z = 0 would be 0 instead of 1/2.
                SDVariable abs = sd.math().abs(z);
                SDVariable softplus = z.add(abs).mul(0.5).add(sd.math().log1p(sd.math().exp(abs.neg())));
                yield softplus.sub(z.mul(y));
            }
        };
    }
}
