package org.rnnbench.scratch.simd;

import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The gate nonlinearities over runs of whole vectors.
 *
 * <p>tanh is the odd rational minimax approximation {@code x P(x^2) / Q(x^2)} on x clamped to [-9, 9] (beyond,
 * tanh rounds to +-1 in float), with the coefficients of Eigen's float tanh: within 6 ulp, relative error below
 * 3.5e-7, no cancellation near 0. sigmoid is {@code 0.5 tanh(x/2) + 0.5}: absolute error below 2.5e-7 (its relative
 * error grows where sigmoid is tiny, below x = -10). NaN stays NaN. Only correctly rounded operations (multiply,
 * fused multiply-add, divide, min, max): the Vector API's own {@code EXP} and {@code TANH} give different bits in
 * interpreted, C1 and C2 code, which would make a loss curve depend on when the JIT compiled what; these give the
 * same bits in every tier.
 *
 * <p>Why not an exponential: a Cephes {@code expf} with 2^n built by bit moves ({@code reinterpretShape}) and a
 * masked blend for small |x| was as accurate, but C2 (JDK 17) now and then failed to intrinsify one of those
 * operations, depending on compilation timing, and then boxed one vector per iteration for the rest of the run (64
 * bytes per 8 values: 1 MB per train step of a small LSTM). Plain arithmetic has not shown that.
 */
public final class Activations {
    /** Beyond this magnitude tanh rounds to +-1 in float. */
    private static final float TANH_CLAMP = 9f;

    private Activations() {
    }

    /** {@code y[yOff + i] = tanh(x[xOff + i])} for i in [0, n), n a multiple of L (in place when x is y). */
    public static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        gate(false, x, xOff, y, yOff, n);
    }

    /**
     * {@code y[yOff + i] = sigmoid(x[xOff + i])} when {@code sigmoid} is set, else tanh, for i in [0, n), n a
     * multiple of L (in place when x is y). A cell calls this from one call site in a loop over its gate blocks:
     * every call site C2 inlines copies the whole polynomial, and with one per gate block the LSTM forward reached
     * C2's inlining node budget (NodeCountInliningCutoff), past which Vector API calls stay out of line and box
     * their vectors.
     */
    public static void gate(boolean sigmoid, float[] x, int xOff, float[] y, int yOff, int n) {
        float half = sigmoid ? 0.5f : 1f;
        apply(x, xOff, y, yOff, n, half, half, sigmoid ? 0.5f : 0f);
    }

    /** {@code y = outScale * tanh(inScale * x) + outShift}. */
    private static void apply(float[] x, int xOff, float[] y, int yOff, int n, float inScale, float outScale,
                              float outShift) {
        // x and y are runs of n values, L at a time
        for (int i = 0; i < n; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOff + i).mul(inScale).min(TANH_CLAMP).max(-TANH_CLAMP);
            FloatVector z = v.mul(v);
            // tanh(v) = v P(z) / Q(z), z = v^2
            FloatVector p = z.fma(FloatVector.broadcast(SPECIES, -2.76076847742355e-16f),
                FloatVector.broadcast(SPECIES, 2.00018790482477e-13f));
            p = p.fma(z, FloatVector.broadcast(SPECIES, -8.60467152213735e-11f));
            p = p.fma(z, FloatVector.broadcast(SPECIES, 5.12229709037114e-08f));
            p = p.fma(z, FloatVector.broadcast(SPECIES, 1.48572235717979e-05f));
            p = p.fma(z, FloatVector.broadcast(SPECIES, 6.37261928875436e-04f));
            p = p.fma(z, FloatVector.broadcast(SPECIES, 4.89352455891786e-03f));
            FloatVector q = z.fma(FloatVector.broadcast(SPECIES, 1.19825839466702e-06f),
                FloatVector.broadcast(SPECIES, 1.18534705686654e-04f));
            q = q.fma(z, FloatVector.broadcast(SPECIES, 2.26843463243900e-03f));
            q = q.fma(z, FloatVector.broadcast(SPECIES, 4.89352518554385e-03f));
            p.mul(v).div(q).fma(outScale, outShift).intoArray(y, yOff + i);
        }
    }
}
