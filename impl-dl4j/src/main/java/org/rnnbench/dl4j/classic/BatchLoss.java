package org.rnnbench.dl4j.classic;

import org.rnnbench.core.data.LossFunctions;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.LossType;

/** The loss of {@link LossType} from outputs (B, T_out, O) and targets, in double precision. */
final class BatchLoss {
    private BatchLoss() {
    }

    /** The mean over valid target positions (and over outputs for MSE); 0 without valid positions. */
    static double of(LossType loss, float[] y, Sequences target, int outputs) {
        double sum = 0;
        int count = 0;
        int time = target.time();
        // y is (B, T_out, O)
        for (int b = 0; b < target.batch(); b++) {
            for (int t = 0; t < target.lengths()[b]; t++) {
                int at = (b * time + t) * outputs;
                count++;
                switch (loss) {
                    case MSE -> {
                        for (int o = 0; o < outputs; o++) {
                            double d = y[at + o] - target.values()[at + o];
                            sum += d * d;
                        }
                    }
                    case SOFTMAX_CE -> sum += LossFunctions.crossEntropy(y, at, outputs, target.ids()[b * time + t]);
                    case SIGMOID_BCE -> {
                        for (int o = 0; o < outputs; o++) {
                            sum += LossFunctions.binaryCrossEntropy(y[at + o], target.values()[at + o]);
                        }
                    }
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        return loss == LossType.MSE ? sum / ((double) count * outputs) : sum / count;
    }
}
