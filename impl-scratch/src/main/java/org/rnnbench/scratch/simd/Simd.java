package org.rnnbench.scratch.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape every kernel uses (the platform's preferred float species: 8 lanes on AVX2, 16 on AVX-512) and
 * the padding rule that lets row loops run on whole vectors.
 *
 * <p>A rule for all vector code here: no {@link FloatVector} crosses a method boundary of ours (parameters and
 * results are arrays and offsets). JDK 17's C2 inlines the Vector API's own methods even in large methods, but
 * refuses ordinary helpers once a method's IR grows past its node cutoff; a refused helper taking or returning a
 * vector boxes it on the heap at every call, which costs both speed and the allocation-free train step.
 */
public final class Simd {
    /** The float species of all kernels. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** L, floats per vector. */
    public static final int LANES = SPECIES.length();

    private Simd() {
    }

    /** {@code n} rounded up to a multiple of {@link #LANES}: the padded row stride of hidden-sized buffers. */
    public static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }
}
