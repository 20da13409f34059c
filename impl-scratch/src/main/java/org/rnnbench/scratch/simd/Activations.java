package org.rnnbench.scratch.simd;

import static org.rnnbench.scratch.simd.Simd.LANES;
import static org.rnnbench.scratch.simd.Simd.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The gate nonlinearities over runs of whole vectors: the one place with an exponential.
 *
 * <p>Both are {@code alpha * sigmoid(alpha * x) + gamma} (sigmoid: alpha 1, gamma 0; tanh: alpha 2, gamma -1, since
 * {@code tanh(x) = 2 sigmoid(2x) - 1}), with tanh taken from the Cephes {@code tanhf} odd polynomial below |x| =
 * 0.625 where that form would cancel. The exponential is the Cephes {@code expf} polynomial after a Cody-Waite
 * reduction, its argument clamped to [-87, 88]; NaN stays NaN. Everything is built from correctly rounded
 * operations (add, multiply, fused multiply-add, divide, compare, bit moves): the Vector API's own {@code EXP} and
 * {@code TANH} give different bits in interpreted, C1 and C2 code, which would make a loss curve depend on when the
 * JIT compiled what; these give the same bits in every tier. Accuracy is within 3 ulp.
 */
public final class Activations {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    /** 1.5 * 2^23: adding it rounds a float below 2^22 in magnitude to an integer held in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int EXPONENT_BIAS = Float.floatToIntBits(ROUNDER) - 127;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float TANH_SMALL = 0.625f;

    private Activations() {
    }

    /** {@code y[yOff + i] = sigmoid(x[xOff + i])} for i in [0, n), n a multiple of L (in place when x is y). */
    public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        apply(x, xOff, y, yOff, n, 1f, 0f, 0f);
    }

    /** {@code y[yOff + i] = tanh(x[xOff + i])} for i in [0, n), n a multiple of L (in place when x is y). */
    public static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        apply(x, xOff, y, yOff, n, 2f, -1f, TANH_SMALL);
    }

    private static void apply(float[] x, int xOff, float[] y, int yOff, int n, float alpha, float gamma,
                              float small) {
        // x and y are runs of n values, L at a time
        for (int i = 0; i < n; i += LANES) {
            FloatVector one = FloatVector.broadcast(SPECIES, 1f);
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOff + i);
            // e = exp(-alpha*v): u = n*ln2 + r with n = round(u*log2(e)), e = poly(r) * 2^n
            FloatVector u = v.mul(-alpha).min(88f).max(-87f);
            FloatVector shifted = u.fma(FloatVector.broadcast(SPECIES, LOG2E), FloatVector.broadcast(SPECIES, ROUNDER));
            FloatVector k = shifted.sub(ROUNDER);
            FloatVector r = k.fma(FloatVector.broadcast(SPECIES, -LN2_HI), u);
            r = k.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
            FloatVector p = r.fma(FloatVector.broadcast(SPECIES, 1.9875691500e-4f),
                FloatVector.broadcast(SPECIES, 1.3981999507e-3f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 8.3334519073e-3f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 4.1665795894e-2f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 1.6666665459e-1f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 5.0000001201e-1f));
            p = p.fma(r.mul(r), r).add(one);
            IntVector bits = (IntVector) shifted.reinterpretShape(INTS, 0);
            FloatVector twoK = (FloatVector) bits.sub(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, 23)
                .reinterpretShape(SPECIES, 0);
            FloatVector large = one.div(p.mul(twoK).add(one)).mul(alpha).add(gamma);
            // tanh near 0: v + v^3 P(v^2)
            FloatVector z = v.mul(v);
            FloatVector q = z.fma(FloatVector.broadcast(SPECIES, -5.70498872745e-3f),
                FloatVector.broadcast(SPECIES, 2.06390887954e-2f));
            q = q.fma(z, FloatVector.broadcast(SPECIES, -5.37397155531e-2f));
            q = q.fma(z, FloatVector.broadcast(SPECIES, 1.33314422036e-1f));
            q = q.fma(z, FloatVector.broadcast(SPECIES, -3.33332819422e-1f));
            FloatVector nearZero = q.mul(z).fma(v, v);
            large.blend(nearZero, v.abs().compare(VectorOperators.LT, small)).intoArray(y, yOff + i);
        }
    }
}
