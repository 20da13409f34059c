package org.rnnbench.scratch.cell;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;
import org.rnnbench.scratch.simd.Activations;

/**
 * One time step of the LSTM cell, gates [i, f, g, o]: {@code c' = f*c + i*g}, {@code h' = o*tanh(c')}, for every
 * row b of the batch and the hidden units j0..j1 (whole vectors; rows are padded to a stride S). Forward: the gate
 * nonlinearities in one vectorised pass per gate block, then one fused pass for the state update (with tanh(c') in
 * between, since all exponentials live in {@link Activations}). Backward: one fused pass for all four gate
 * gradients and the gradient carried to c_{t-1}.
 */
public final class LstmCell {
    private LstmCell() {
    }

    /**
     * Forward. {@code gates} (B, 4S) at gOff holds the pre-activations [i f g o] (both projections and biases) and
     * receives the activations; c_{t-1} and c_t are rows of {@code c} at cPrev and cNew, (B, S) each; tanh(c_t) goes
     * to {@code tanhC} at tOff and h_t to {@code h} at hNew.
     */
    public static void lstmForward(float[] gates, int gOff, float[] c, int cPrev, int cNew, float[] tanhC, int tOff,
                                   float[] h, int hNew, int batch, int stride, int j0, int j1) {
        int n = j1 - j0;
        for (int b = 0; b < batch; b++) {
            int g = gOff + 4 * stride * b + j0;
            int s = stride * b + j0;
            // one call site for the four blocks [i f g o]: sigmoid but for g (see Activations.gate)
            for (int q = 0; q < 4; q++) {
                Activations.gate(q != 2, gates, g + q * stride, gates, g + q * stride, n);
            }
            // row b: gates are 4 blocks of S [i f g o]; c rows are S; j over the slice in whole vectors
            for (int j = 0; j < n; j += LANES) {
                FloatVector i = fromArray(SPECIES, gates, g + j);
                FloatVector f = fromArray(SPECIES, gates, g + stride + j);
                FloatVector gg = fromArray(SPECIES, gates, g + 2 * stride + j);
                i.fma(gg, f.mul(fromArray(SPECIES, c, cPrev + s + j))).intoArray(c, cNew + s + j);
            }
            Activations.tanh(c, cNew + s, tanhC, tOff + s, n);
            // row b: h = o * tanh(c)
            for (int j = 0; j < n; j += LANES) {
                FloatVector o = fromArray(SPECIES, gates, g + 3 * stride + j);
                o.mul(fromArray(SPECIES, tanhC, tOff + s + j)).intoArray(h, hNew + s + j);
            }
        }
    }

    /**
     * Backward. Reads the activations in {@code gates} at gOff, c_{t-1} at cPrev and tanh(c_t) at tOff; {@code dh}
     * (B, S) holds dL/dh_t and is zeroed (the recurrent product adds dL/dh_{t-1} to it next); {@code dc} (B, S)
     * holds dL/dc_t from later steps and receives dL/dc_{t-1}; the pre-activation gradients go to {@code dGates}
     * (B, 4S) at dOff.
     */
    public static void lstmBackward(float[] gates, int gOff, float[] c, int cPrev, float[] tanhC, int tOff,
                                    float[] dh, float[] dc, float[] dGates, int dOff, int batch, int stride, int j0,
                                    int j1) {
        for (int b = 0; b < batch; b++) {
            int g = gOff + 4 * stride * b;
            int d = dOff + 4 * stride * b;
            int s = stride * b;
            // row b: gates and dGates are 4 blocks of S [i f g o]; c/tanhC/dh/dc rows are S; j in whole vectors
            for (int j = j0; j < j1; j += LANES) {
                FloatVector one = FloatVector.broadcast(SPECIES, 1f);
                FloatVector zero = FloatVector.zero(SPECIES);
                FloatVector i = fromArray(SPECIES, gates, g + j);
                FloatVector f = fromArray(SPECIES, gates, g + stride + j);
                FloatVector gg = fromArray(SPECIES, gates, g + 2 * stride + j);
                FloatVector o = fromArray(SPECIES, gates, g + 3 * stride + j);
                FloatVector tc = fromArray(SPECIES, tanhC, tOff + s + j);
                FloatVector dht = fromArray(SPECIES, dh, s + j);
                FloatVector dct = dht.mul(o).fma(one.sub(tc.mul(tc)), fromArray(SPECIES, dc, s + j));
                dct.mul(gg).mul(i.mul(one.sub(i))).intoArray(dGates, d + j);
                dct.mul(fromArray(SPECIES, c, cPrev + s + j)).mul(f.mul(one.sub(f))).intoArray(dGates, d + stride + j);
                dct.mul(i).mul(one.sub(gg.mul(gg))).intoArray(dGates, d + 2 * stride + j);
                dht.mul(tc).mul(o.mul(one.sub(o))).intoArray(dGates, d + 3 * stride + j);
                dct.mul(f).intoArray(dc, s + j);
                zero.intoArray(dh, s + j);
            }
        }
    }
}
