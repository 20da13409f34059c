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
 *       {@code dU*u(1-u)*(1-f)} and {@code -dU*u(1-u)*(1-i)}, with no division that could underflow.</li>
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

    /**
     * minLSTM forward. {@code gates} (B, 3S) at gOff holds the pre-activations and receives [f i h~]; {@code u}
     * (B, S) at uOff receives f/(f+i), kept for the backward; {@code work} (B, S) is scratch; h_{t-1} and h_t are
     * rows of {@code h} at hPrev and hNew. The ratio is taken in log space,
     * {@code u = sigmoid(log f - log i)} with {@code log sigmoid(a) = min(a, 0) - ln 2 + log1p(|tanh(a/2)|)}: when
     * both gates are far below zero f and i lose their relative precision (or round to 0, and 0/0 is NaN), their
     * logarithms do not.
     */
    public static void minLstmForward(float[] gates, int gOff, float[] u, int uOff, float[] work, float[] h,
                                      int hPrev, int hNew, int batch, int stride, int j0, int j1) {
        int n = j1 - j0;
        for (int b = 0; b < batch; b++) {
            int g = gOff + 3 * stride * b + j0;
            int s = stride * b + j0;
            // row b: work = min(a_f, 0) - min(a_i, 0), before the gates overwrite the pre-activations
            for (int j = 0; j < n; j += LANES) {
                fromArray(SPECIES, gates, g + j).min(0f).sub(fromArray(SPECIES, gates, g + stride + j).min(0f))
                    .intoArray(work, s + j);
            }
            // one call site for f and i (see Activations.gate)
            for (int k = 0; k < 2; k++) {
                Activations.gate(true, gates, g + k * stride, gates, g + k * stride, n);
            }
            // row b: work = log f - log i
            for (int k = 0; k < 2; k++) {
                addLog1pTanh(gates, g + k * stride, k == 0 ? 1f : -1f, work, s, n);
            }
            Activations.gate(true, work, s, u, uOff + s, n);
            // row b: h = h~ + u * (h_prev - h~)
            for (int j = 0; j < n; j += LANES) {
                FloatVector cand = fromArray(SPECIES, gates, g + 2 * stride + j);
                fromArray(SPECIES, u, uOff + s + j).fma(fromArray(SPECIES, h, hPrev + s + j).sub(cand), cand)
                    .intoArray(h, hNew + s + j);
            }
        }
    }

    /**
     * minLSTM backward: reads [f i h~] in {@code gates}, u = f/(f+i) at uOff and h_{t-1} at hPrev; {@code dh} (B, S)
     * holds dL/dh_t and receives dL/dh_{t-1}; dGates (B, 3S) at dOff.
     */
    public static void minLstmBackward(float[] gates, int gOff, float[] u, int uOff, float[] h, int hPrev,
                                       float[] dh, float[] dGates, int dOff, int batch, int stride, int j0, int j1) {
        for (int b = 0; b < batch; b++) {
            int g = gOff + 3 * stride * b;
            int d = dOff + 3 * stride * b;
            int s = stride * b;
            // row b: gates and dGates are 3 blocks of S [f i h~]; u, h and dh rows are S; j in whole vectors
            for (int j = j0; j < j1; j += LANES) {
                FloatVector one = FloatVector.broadcast(SPECIES, 1f);
                FloatVector f = fromArray(SPECIES, gates, g + j);
                FloatVector i = fromArray(SPECIES, gates, g + stride + j);
                FloatVector cand = fromArray(SPECIES, gates, g + 2 * stride + j);
                FloatVector uu = fromArray(SPECIES, u, uOff + s + j);
                FloatVector dht = fromArray(SPECIES, dh, s + j);
                FloatVector dUu = dht.mul(fromArray(SPECIES, h, hPrev + s + j).sub(cand)).mul(uu.mul(one.sub(uu)));
                dUu.mul(one.sub(f)).intoArray(dGates, d + j);
                dUu.mul(i.sub(one)).intoArray(dGates, d + stride + j);
                dht.mul(one.sub(uu)).intoArray(dGates, d + 2 * stride + j);
                dht.mul(uu).intoArray(dh, s + j);
            }
        }
    }

    /**
     * {@code work += sign * log1p(|tanh(a/2)|)} for the n sigmoids {@code sigmoid(a)} at {@code off}, with
     * {@code tanh(a/2) = 2 sigmoid(a) - 1} and log1p on [0, 1] up to a constant (it cancels in a difference) as a
     * degree-8 polynomial, least squares on Chebyshev nodes, absolute error below 2.5e-7 in float. Arrays in and out:
     * a vector crossing a call that C2 does not inline is boxed, and the minLSTM forward is past its inlining budget.
     */
    private static void addLog1pTanh(float[] sig, int off, float sign, float[] work, int wOff, int n) {
        // sig and work are runs of n values, L at a time
        for (int j = 0; j < n; j += LANES) {
            FloatVector x = fromArray(SPECIES, sig, off + j).fma(2f, -1f).abs();
            FloatVector p = x.fma(-0.006074877644542125f, 0.0344185935237761f);
            p = p.fma(x, FloatVector.broadcast(SPECIES, -0.09231376867523212f));
            p = p.fma(x, FloatVector.broadcast(SPECIES, 0.16478349730339092f));
            p = p.fma(x, FloatVector.broadcast(SPECIES, -0.2391907173237348f));
            p = p.fma(x, FloatVector.broadcast(SPECIES, 0.3313340057257286f));
            p = p.fma(x, FloatVector.broadcast(SPECIES, -0.49980116320383f));
            p = p.fma(x, FloatVector.broadcast(SPECIES, 0.9999914545717518f));
            p.mul(x).mul(sign).add(fromArray(SPECIES, work, wOff + j)).intoArray(work, wOff + j);
        }
    }
}
