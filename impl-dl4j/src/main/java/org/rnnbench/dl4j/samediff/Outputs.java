package org.rnnbench.dl4j.samediff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.dl4j.params.NativeArrays;

/** Turns a graph's time-major logits into the (B, T_out, O) batch-major outputs of the contract. */
final class Outputs {
    private Outputs() {
    }

    /**
     * @param logits (R, O) with R = B (one output per sequence) or steps*B, rows {@code s*B + b}
     * @param time   T_out of the batch (at most the graph's steps)
     */
    static float[] toBatchMajor(ModelSpec spec, GraphShape shape, int time, INDArray logits) {
        float[] rows = NativeArrays.read(logits);
        int b = shape.batch();
        int o = spec.outputs();
        float[] out = new float[b * time * o];
        // rows is (steps*B, O) time-major, out is (B, T_out, O)
        for (int t = 0; t < time; t++) {
            for (int r = 0; r < b; r++) {
                System.arraycopy(rows, (t * b + r) * o, out, (r * time + t) * o, o);
            }
        }
        return out;
    }
}
