package org.rnnbench.dl4j.classic;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** {@code -log softmax(z)[k]} per row with one-hot labels, computed from logits with the max subtracted. */
final class SoftmaxCrossEntropy extends LogitLoss {
    private static final long serialVersionUID = 1L;

    @Override
    INDArray terms(INDArray labels, INDArray logits) {
        return logSoftmax(logits).muli(labels).negi();
    }

    @Override
    INDArray gradient(INDArray labels, INDArray logits) {
        return Transforms.exp(logSoftmax(logits), false).subi(labels);
    }

    // logits is (rows, O): z - max - log(sum(exp(z - max))) along each row
    private static INDArray logSoftmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subiColumnVector(logSum);
    }
}
