package org.rnnbench.dl4j.classic;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** {@code log(1 + e^z) - y*z} per output, computed as {@code max(z, 0) + log1p(e^-|z|) - y*z}. */
final class SigmoidCrossEntropy extends LogitLoss {
    private static final long serialVersionUID = 1L;

    @Override
    INDArray terms(INDArray labels, INDArray logits) {
        INDArray softplus = Transforms.relu(logits, true)
            .addi(Transforms.log1p(Transforms.exp(Transforms.abs(logits, true).negi(), false), false));
        return softplus.subi(logits.mul(labels));
    }

    @Override
    INDArray gradient(INDArray labels, INDArray logits) {
        return Transforms.sigmoid(logits, true).subi(labels);
    }
}
