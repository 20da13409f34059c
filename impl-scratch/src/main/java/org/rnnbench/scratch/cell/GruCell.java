package org.rnnbench.scratch.cell;

import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;
import static org.rnnbench.scratch.simd.Simd.load;
import static org.rnnbench.scratch.simd.Simd.sigmoid;
import static org.rnnbench.scratch.simd.Simd.tanh;

import jdk.incubator.vector.FloatVector;

/**
 * One time step of the GRU cell, gates [r, z, n] with the reset applied after the recurrent product:
 * {@code n = tanh(x_n + r*h_n)}, {@code h' = (1-z)*n + z*h}, for every row b of the batch and the hidden units
 * j0..j1 (whole vectors; rows padded to a stride S). The input part {@code x_*} (W_i* x + b_i*) and the recurrent
 * part {@code h_*} (W_h* h + b_h*) are kept apart because the reset multiplies only the latter.
 */
public final class GruCell {
    private GruCell() {
    }

    /**
     * Forward. {@code gates} (B, 3S) at gOff holds the input parts [x_r x_z x_n] and receives the activations
     * [r z n]; {@code gh} (B, 3S) at hhOff holds the recurrent parts [h_r h_z h_n] (kept for the backward); h_{t-1}
     * and h_t are rows of {@code h} at hPrev and hNew.
     */
    public static void gruForward(float[] gates, int gOff, float[] gh, int hhOff, float[] h, int hPrev, int hNew,
                                  int batch, int stride, int j0, int j1) {
        for (int b = 0; b < batch; b++) {
            int g = gOff + 3 * stride * b;
            int q = hhOff + 3 * stride * b;
            int s = stride * b;
            // row b: gates and gh are 3 blocks of S [r z n], h rows are S; j in whole vectors
            for (int j = j0; j < j1; j += LANES) {
                FloatVector r = sigmoid(load(gates, g + j).add(load(gh, q + j)));
                FloatVector z = sigmoid(load(gates, g + stride + j).add(load(gh, q + stride + j)));
                FloatVector n = tanh(r.fma(load(gh, q + 2 * stride + j), load(gates, g + 2 * stride + j)));
                r.intoArray(gates, g + j);
                z.intoArray(gates, g + stride + j);
                n.intoArray(gates, g + 2 * stride + j);
                z.fma(load(h, hPrev + s + j).sub(n), n).intoArray(h, hNew + s + j);
            }
        }
    }

    /**
     * Backward. Reads the activations in {@code gates}, the recurrent parts in {@code gh} and h_{t-1} at hPrev;
     * {@code dh} (B, S) holds dL/dh_t and receives its direct share of dL/dh_{t-1}, {@code z*dh} (the recurrent
     * product adds the rest); pre-activation gradients go to {@code dGates} (input side) and {@code dGh} (recurrent
     * side, where the n block is scaled by r), both (B, 3S) at dOff.
     */
    public static void gruBackward(float[] gates, int gOff, float[] gh, int hhOff, float[] h, int hPrev, float[] dh,
                                   float[] dGates, float[] dGh, int dOff, int batch, int stride, int j0, int j1) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (int b = 0; b < batch; b++) {
            int g = gOff + 3 * stride * b;
            int q = hhOff + 3 * stride * b;
            int d = dOff + 3 * stride * b;
            int s = stride * b;
            // row b: gates, gh, dGates, dGh are 3 blocks of S [r z n]; h and dh rows are S; j in whole vectors
            for (int j = j0; j < j1; j += LANES) {
                FloatVector r = load(gates, g + j);
                FloatVector z = load(gates, g + stride + j);
                FloatVector n = load(gates, g + 2 * stride + j);
                FloatVector dht = load(dh, s + j);
                FloatVector dn = dht.mul(one.sub(z)).mul(one.sub(n.mul(n)));
                FloatVector dr = dn.mul(load(gh, q + 2 * stride + j)).mul(r.mul(one.sub(r)));
                FloatVector dz = dht.mul(load(h, hPrev + s + j).sub(n)).mul(z.mul(one.sub(z)));
                dr.intoArray(dGates, d + j);
                dz.intoArray(dGates, d + stride + j);
                dn.intoArray(dGates, d + 2 * stride + j);
                dr.intoArray(dGh, d + j);
                dz.intoArray(dGh, d + stride + j);
                dn.mul(r).intoArray(dGh, d + 2 * stride + j);
                dht.mul(z).intoArray(dh, s + j);
            }
        }
    }
}
