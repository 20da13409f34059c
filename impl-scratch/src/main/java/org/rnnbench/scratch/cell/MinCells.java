package org.rnnbench.scratch.cell;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;
import org.rnnbench.scratch.simd.Activations;

/**
 * One time step of the minimal cells, whose gates read x only: their pre-activations {@code W_ih x + b_ih} of every
 * step come from the layer's one input product, so a step is element-wise work, for every row b of the batch and
 * the hidden units j0..j1 (whole vectors; rows padded to a stride S).
 *
 * <ul>
 *   <li>minGRU, gates [z, h~]: {@code h' = (1-z)*h + z*h~ = h + z*(h~ - h)};</li>
 *   <li>minLSTM, gates [f, i, h~]: with {@code u = f/(f+i)}, {@code h' = u*h + (1-u)*h~ = h~ + u*(h - h~)}; since
 *       {@code du/df = i/(f+i)^2 = u(1-u)/f} and {@code du/di = -u(1-u)/i}, the pre-activation gradients are
 *       {@code dU*u(1-u)*(1-f)} and {@code -dU*u(1-u)*(1-i)}.</li>
 * </ul>
 * Forward overwrites the sigmoid blocks of {@code gates} with their activations (h~ is linear and stays); backward
 * reads them with h_{t-1} and writes the pre-activation gradients and, in place of dL/dh_t, dL/dh_{t-1}: there is
 * no recurrent product to add to it.
 */
public final class MinCells {
    private MinCells() {
    }

    /** minGRU forward: {@code gates} (B, 2S) at gOff, h_{t-1} and h_t rows of {@code h} at hPrev and hNew. */
    public static void minGruForward(float[] gates, int gOff, float[] h, int hPrev, int hNew, int batch, int stride,
                                     int j0, int j1) {
        int n = j1 - j0;
        for (int b = 0; b < batch; b++) {
            int g = gOff + 2 * stride * b + j0;
            int s = stride * b + j0;
            Activations.gate(true, gates, g, gates, g, n);
            // row b: h = h_prev + z * (h~ - h_prev)
            for (int j = 0; j < n; j += LANES) {
                FloatVector z = fromArray(SPECIES, gates, g + j);
                FloatVector hp = fromArray(SPECIES, h, hPrev + s + j);
                z.fma(fromArray(SPECIES, gates, g + stride + j).sub(hp), hp).intoArray(h, hNew + s + j);
            }
        }
    }

    /** minGRU backward: {@code dh} (B, S) holds dL/dh_t and receives dL/dh_{t-1}; dGates (B, 2S) at dOff. */
    public static void minGruBackward(float[] gates, int gOff, float[] h, int hPrev, float[] dh, float[] dGates,
                                      int dOff, int batch, int stride, int j0, int j1) {
        for (int b = 0; b < batch; b++) {
            int g = gOff + 2 * stride * b;
            int d = dOff + 2 * stride * b;
            int s = stride * b;
            // row b: gates and dGates are 2 blocks of S [z h~]; h and dh rows are S; j in whole vectors
            for (int j = j0; j < j1; j += LANES) {
                FloatVector one = FloatVector.broadcast(SPECIES, 1f);
                FloatVector z = fromArray(SPECIES, gates, g + j);
                FloatVector dht = fromArray(SPECIES, dh, s + j);
                FloatVector diff = fromArray(SPECIES, gates, g + stride + j).sub(fromArray(SPECIES, h, hPrev + s + j));
                dht.mul(diff).mul(z.mul(one.sub(z))).intoArray(dGates, d + j);
                dht.mul(z).intoArray(dGates, d + stride + j);
                dht.mul(one.sub(z)).intoArray(dh, s + j);
            }
        }
    }

    /** minLSTM forward: {@code gates} (B, 3S) at gOff, h_{t-1} and h_t rows of {@code h} at hPrev and hNew. */
    public static void minLstmForward(float[] gates, int gOff, float[] h, int hPrev, int hNew, int batch,
                                      int stride, int j0, int j1) {
        int n = j1 - j0;
        for (int b = 0; b < batch; b++) {
            int g = gOff + 3 * stride * b + j0;
            int s = stride * b + j0;
            // one call site for f and i (see Activations.gate)
            for (int k = 0; k < 2; k++) {
                Activations.gate(true, gates, g + k * stride, gates, g + k * stride, n);
            }
            // row b: h = h~ + u * (h_prev - h~), u = f / (f + i)
            for (int j = 0; j < n; j += LANES) {
                FloatVector f = fromArray(SPECIES, gates, g + j);
                FloatVector u = f.div(f.add(fromArray(SPECIES, gates, g + stride + j)));
                FloatVector cand = fromArray(SPECIES, gates, g + 2 * stride + j);
                u.fma(fromArray(SPECIES, h, hPrev + s + j).sub(cand), cand).intoArray(h, hNew + s + j);
            }
        }
    }

    /** minLSTM backward: {@code dh} (B, S) holds dL/dh_t and receives dL/dh_{t-1}; dGates (B, 3S) at dOff. */
    public static void minLstmBackward(float[] gates, int gOff, float[] h, int hPrev, float[] dh, float[] dGates,
                                       int dOff, int batch, int stride, int j0, int j1) {
        for (int b = 0; b < batch; b++) {
            int g = gOff + 3 * stride * b;
            int d = dOff + 3 * stride * b;
            int s = stride * b;
            // row b: gates and dGates are 3 blocks of S [f i h~]; h and dh rows are S; j in whole vectors
            for (int j = j0; j < j1; j += LANES) {
                FloatVector one = FloatVector.broadcast(SPECIES, 1f);
                FloatVector f = fromArray(SPECIES, gates, g + j);
                FloatVector i = fromArray(SPECIES, gates, g + stride + j);
                FloatVector cand = fromArray(SPECIES, gates, g + 2 * stride + j);
                FloatVector u = f.div(f.add(i));
                FloatVector dht = fromArray(SPECIES, dh, s + j);
                FloatVector dUu = dht.mul(fromArray(SPECIES, h, hPrev + s + j).sub(cand)).mul(u.mul(one.sub(u)));
                dUu.mul(one.sub(f)).intoArray(dGates, d + j);
                dUu.mul(i.sub(one)).intoArray(dGates, d + stride + j);
                dht.mul(one.sub(u)).intoArray(dGates, d + 2 * stride + j);
                dht.mul(u).intoArray(dh, s + j);
            }
        }
    }
}
