package org.rnnbench.dl4j.classic;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/**
 * A batch as a classic network reads it: features NCW (B, F, T) (one-hot built here; token ids (B, T) as floats
 * for an embedding layer), labels (B, O, T_out) or (B, O) (one-hot for cross-entropy), a feature mask (B, T) and a
 * label mask (B, T_out) or (B, 1). One-to-many runs T_out steps with the input at step 0 and zero vectors after it,
 * without a feature mask (a feature mask would also zero the recurrent state at masked steps).
 *
 * @param features    network input
 * @param labels      targets
 * @param featureMask input lengths, or null
 * @param labelMask   target lengths
 * @param count       N, the valid target positions
 */
record ClassicBatch(INDArray features, INDArray labels, INDArray featureMask, INDArray labelMask, int count) {

    /** The arrays of a batch (checked against the spec by the caller). */
    static ClassicBatch of(ModelSpec spec, Batch batch) {
        Sequences in = batch.input();
        Sequences target = batch.target();
        boolean oneToMany = spec.topology() == Topology.ONE_TO_MANY;
        int steps = oneToMany ? target.time() : in.time();
        INDArray features = features(spec.encoding(), in, steps, oneToMany);
        INDArray featureMask = oneToMany ? null : mask(in);
        INDArray labels = labels(spec, target, ClassicNetwork.oneOutput(spec));
        return new ClassicBatch(features, labels, featureMask, mask(target), target.validCount());
    }

    private static INDArray features(InputEncoding enc, Sequences in, int steps, boolean firstOnly) {
        int b = in.batch();
        int read = firstOnly ? 1 : steps;
        if (enc instanceof InputEncoding.Embedding) {
            float[] ids = new float[b * steps];
            // ids is (B, T)
            for (int r = 0; r < b; r++) {
                for (int t = 0; t < read; t++) {
                    ids[r * steps + t] = in.ids()[r * in.time() + t];
                }
            }
            return Nd4j.create(ids, new long[] {b, steps}, 'c');
        }
        int f = enc.inputSize();
        float[] x = new float[b * f * steps];
        // x is (B, F, T); input values are (B, T_in, F)
        for (int r = 0; r < b; r++) {
            for (int t = 0; t < read; t++) {
                if (in.isIds()) {
                    x[(r * f + in.ids()[r * in.time() + t]) * steps + t] = 1f;
                } else {
                    for (int j = 0; j < f; j++) {
                        x[(r * f + j) * steps + t] = in.values()[(r * in.time() + t) * f + j];
                    }
                }
            }
        }
        return Nd4j.create(x, new long[] {b, f, steps}, 'c');
    }

    private static INDArray labels(ModelSpec spec, Sequences target, boolean oneOutput) {
        int b = target.batch();
        int o = spec.outputs();
        int steps = target.time();
        float[] y = new float[b * o * steps];
        // y is (B, O, T_out); target values are (B, T_out, O), ids (B, T_out)
        for (int r = 0; r < b; r++) {
            for (int t = 0; t < steps; t++) {
                if (target.isIds()) {
                    y[(r * o + target.ids()[r * steps + t]) * steps + t] = 1f;
                } else {
                    for (int j = 0; j < o; j++) {
                        y[(r * o + j) * steps + t] = target.values()[(r * steps + t) * o + j];
                    }
                }
            }
        }
        return oneOutput ? Nd4j.create(y, new long[] {b, o}, 'c') : Nd4j.create(y, new long[] {b, o, steps}, 'c');
    }

    private static INDArray mask(Sequences s) {
        return Nd4j.create(s.mask(), new long[] {s.batch(), s.time()}, 'c');
    }
}
