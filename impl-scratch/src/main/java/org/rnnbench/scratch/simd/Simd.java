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
    /**
     * Vector registers of the platform, which the GEMM tile must fit in: 32 with AVX-512 (a 16-lane preferred
     * species on x86) and on AArch64 (NEON and SVE), 16 otherwise (AVX2 and SSE have 16).
     */
    public static final int REGISTERS = registers(System.getProperty("os.arch"), LANES);

    private Simd() {
    }

    /** The vector registers of {@code arch} when its preferred float species has {@code lanes} lanes. */
    public static int registers(String arch, int lanes) {
        boolean arm = "aarch64".equals(arch);
        return arm || lanes >= 16 ? 32 : 16;
    }

    /** {@code n} rounded up to a multiple of {@link #LANES}: the padded row stride of hidden-sized buffers. */
    public static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    /**
     * A row stride of at least {@code n} floats for a matrix that kernels walk down column panels of: padded, plus
     * one cache line (16 floats). With a power-of-two stride such as 512 floats, the rows of a panel fall into two
     * of the 64 sets of a 32 KB L1 cache and evict each other on every pass; the extra line spreads them over all
     * sets (measured here: 37 against 67 GFLOP/s for the recurrent product of an LSTM with H = 128).
     */
    public static int skewed(int n) {
        return padded(n) + 16;
    }
}
