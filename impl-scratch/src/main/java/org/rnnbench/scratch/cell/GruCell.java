package org.rnnbench.scratch.cell;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;
import org.rnnbench.scratch.simd.Activations;

/**
 * One time step of the GRU cell, gates [r, z, n] with the reset applied after the recurrent product:
 * {@code n = tanh(x_n + r*h_n)}, {@code h' = (1-z)*n + z*h}, for every row b of the batch and the hidden units
 * j0..j1 (whole vectors; rows padded to a stride S). The input part {@code x_*} (W_i* x + b_i*) and the recurrent
 * part {@code h_*} (W_h* h + b_h*) are kept apart because the reset multiplies only the latter. Forward: r and z,
 * then n (each nonlinearity a vectorised pass in {@link Activations}), then one fused pass for the state update.
 * Backward: one fused pass for all gate gradients and the direct share of dL/dh_{t-1}.
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
        int n = j1 - j0;
        for (int b = 0; b < batch; b++) {
            int g = gOff + 3 * stride * b + j0;
            int q = hhOff + 3 * stride * b + j0;
            int s = stride * b + j0;
            // row b: r and z pre-activations x_* + h_* (blocks 0 and 1 of 3S)
            for (int j = 0; j < n; j += LANES) {
                fromArray(SPECIES, gates, g + j).add(fromArray(SPECIES, gh, q + j)).intoArray(gates, g + j);
                fromArray(SPECIES, gates, g + stride + j).add(fromArray(SPECIES, gh, q + stride + j))
                    .intoArray(gates, g + stride + j);
            }
            // one call site for r and z (see Activations.gate)
            for (int k = 0; k < 2; k++) {
                Activations.gate(true, gates, g + k * stride, gates, g + k * stride, n);
            }
            // row b: n pre-activation x_n + r * h_n
            for (int j = 0; j < n; j += LANES) {
                FloatVector r = fromArray(SPECIES, gates, g + j);
                r.fma(fromArray(SPECIES, gh, q + 2 * stride + j), fromArray(SPECIES, gates, g + 2 * stride + j))
                    .intoArray(gates, g + 2 * stride + j);
            }
            Activations.tanh(gates, g + 2 * stride, gates, g + 2 * stride, n);
            // row b: h = n + z * (h_prev - n)
            for (int j = 0; j < n; j += LANES) {
                FloatVector z = fromArray(SPECIES, gates, g + stride + j);
                FloatVector nn = fromArray(SPECIES, gates, g + 2 * stride + j);
                z.fma(fromArray(SPECIES, h, hPrev + s + j).sub(nn), nn).intoArray(h, hNew + s + j);
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
        for (int b = 0; b < batch; b++) {
            int g = gOff + 3 * stride * b;
            int q = hhOff + 3 * stride * b;
            int d = dOff + 3 * stride * b;
            int s = stride * b;
            // row b: gates, gh, dGates, dGh are 3 blocks of S [r z n]; h and dh rows are S; j in whole vectors
            for (int j = j0; j < j1; j += LANES) {
                FloatVector one = FloatVector.broadcast(SPECIES, 1f);
                FloatVector r = fromArray(SPECIES, gates, g + j);
                FloatVector z = fromArray(SPECIES, gates, g + stride + j);
                FloatVector nn = fromArray(SPECIES, gates, g + 2 * stride + j);
                FloatVector dht = fromArray(SPECIES, dh, s + j);
                FloatVector dn = dht.mul(one.sub(z)).mul(one.sub(nn.mul(nn)));
                FloatVector dr = dn.mul(fromArray(SPECIES, gh, q + 2 * stride + j)).mul(r.mul(one.sub(r)));
                FloatVector dz = dht.mul(fromArray(SPECIES, h, hPrev + s + j).sub(nn)).mul(z.mul(one.sub(z)));
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
