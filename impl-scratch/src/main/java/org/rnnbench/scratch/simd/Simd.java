package org.rnnbench.scratch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape every kernel uses (the platform's preferred float species: 8 lanes on AVX2, 16 on AVX-512),
 * the padding rule that lets gate loops run on whole vectors, and the gate nonlinearities on vectors.
 *
 * <p>The nonlinearities are built from correctly rounded operations only (add, multiply, fused multiply-add,
 * divide, compare, bit moves). The Vector API's own {@code EXP} and {@code TANH} give different bits in
 * interpreted, C1 and C2 code (SVML only in C2), which would make a loss curve depend on when the JIT compiled what;
 * these give the same bits in every tier. Accuracy is about 2 ulp: {@link #exp} is the Cephes {@code expf}
 * polynomial after a Cody-Waite reduction, {@link #tanh} the Cephes {@code tanhf} polynomial below |x| = 0.625 and
 * {@code 1 - 2/(exp(2|x|) + 1)} above.
 */
public final class Simd {
    /** The float species of all kernels. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** L, floats per vector. */
    public static final int LANES = SPECIES.length();

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer held in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToIntBits(ROUNDER);
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** exp's argument is clamped to [EXP_MIN, EXP_MAX] so that 2^n stays a normal float. */
    private static final float EXP_MAX = 88f;
    private static final float EXP_MIN = -87f;
    private static final float TANH_SMALL = 0.625f;

    private Simd() {
    }

    /** {@code n} rounded up to a multiple of {@link #LANES}: the padded row stride of hidden-sized buffers. */
    public static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    /** Loads L floats from {@code a[at]}. */
    public static FloatVector load(float[] a, int at) {
        return FloatVector.fromArray(SPECIES, a, at);
    }

    /** {@code exp(x)} lane by lane for x in [-87, 88] (clamped outside); NaN stays NaN. */
    public static FloatVector exp(FloatVector x) {
        FloatVector v = x.min(EXP_MAX).max(EXP_MIN);
        FloatVector shifted = v.fma(FloatVector.broadcast(SPECIES, LOG2E), FloatVector.broadcast(SPECIES, ROUNDER));
        FloatVector n = shifted.sub(ROUNDER);
        FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI), v);
        r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
        FloatVector p = r.fma(FloatVector.broadcast(SPECIES, 1.9875691500e-4f), FloatVector.broadcast(SPECIES, 1.3981999507e-3f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 5.0000001201e-1f));
        p = p.fma(r.mul(r), r).add(1f);
        IntVector bits = (IntVector) shifted.reinterpretShape(INTS, 0);
        FloatVector twoN = (FloatVector) bits.sub(ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23)
            .reinterpretShape(SPECIES, 0);
        return p.mul(twoN);
    }

    /** {@code 1 / (1 + exp(-x))} lane by lane. */
    public static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(SPECIES, 1f).div(exp(x.neg()).add(1f));
    }

    /** {@code tanh(x)} lane by lane. */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = a.mul(a);
        FloatVector p = z.fma(FloatVector.broadcast(SPECIES, -5.70498872745e-3f), FloatVector.broadcast(SPECIES, 2.06390887954e-2f));
        p = p.fma(z, FloatVector.broadcast(SPECIES, -5.37397155531e-2f));
        p = p.fma(z, FloatVector.broadcast(SPECIES, 1.33314422036e-1f));
        p = p.fma(z, FloatVector.broadcast(SPECIES, -3.33332819422e-1f));
        FloatVector small = p.mul(z).fma(a, a);
        FloatVector large = FloatVector.broadcast(SPECIES, 1f)
            .sub(FloatVector.broadcast(SPECIES, 2f).div(exp(a.add(a)).add(1f)));
        VectorMask<Float> isSmall = a.compare(VectorOperators.LT, TANH_SMALL);
        FloatVector t = large.blend(small, isSmall);
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0f));
    }
}
