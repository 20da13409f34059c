package org.rnnbench.scratch.cell;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.rnnbench.scratch.simd.Activations;

/**
 * One time step of the Elman cell, {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)} with act tanh or ReLU, for every
 * row b of the batch and the hidden units j0..j1 (whole vectors; rows padded to a stride S).
 */
public final class RnnCell {
    private RnnCell() {
    }

    /** Forward: {@code pre} (B, S) at pOff holds the pre-activation; h_t goes to {@code h} at hNew. */
    public static void rnnForward(boolean relu, float[] pre, int pOff, float[] h, int hNew, int batch, int stride,
                                  int j0, int j1) {
        int n = j1 - j0;
        for (int b = 0; b < batch; b++) {
            int p = pOff + stride * b + j0;
            int s = hNew + stride * b + j0;
            if (!relu) {
                Activations.tanh(pre, p, h, s, n);
                continue;
            }
            // row b: h = max(pre, 0) over the slice in whole vectors
            for (int j = 0; j < n; j += LANES) {
                fromArray(SPECIES, pre, p + j).max(0f).intoArray(h, s + j);
            }
        }
    }

    /**
     * Backward: reads h_t at hNew; {@code dh} (B, S) holds dL/dh_t and is zeroed (the recurrent product adds
     * dL/dh_{t-1} next); the pre-activation gradient goes to {@code dPre} (B, S) at dOff.
     */
    public static void rnnBackward(boolean relu, float[] h, int hNew, float[] dh, float[] dPre, int dOff, int batch,
                                   int stride, int j0, int j1) {
        for (int b = 0; b < batch; b++) {
            int s = stride * b;
            // row b: h, dh and dPre rows are S values; j in whole vectors
            for (int j = j0; j < j1; j += LANES) {
                FloatVector one = FloatVector.broadcast(SPECIES, 1f);
                FloatVector zero = FloatVector.zero(SPECIES);
                FloatVector y = fromArray(SPECIES, h, hNew + s + j);
                FloatVector dy = fromArray(SPECIES, dh, s + j);
                FloatVector d = relu ? zero.blend(dy, y.compare(VectorOperators.GT, 0f)) : dy.mul(one.sub(y.mul(y)));
                d.intoArray(dPre, dOff + s + j);
                zero.intoArray(dh, s + j);
            }
        }
    }
}
