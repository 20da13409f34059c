package org.rnnbench.core.backend;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.cost.CostRates;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;

/**
 * An implementation of the recurrent-cell contract, found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.rnnbench.core.backend.Backend}) and chosen by its {@link #id()}.
 *
 * <p>Lifecycle: the harness asks {@link #unsupportedReason} first and records the reason instead of running when
 * there is one; otherwise {@link #create} gives a {@link SequenceModel} (see its lifecycle). Native libraries and
 * their thread settings are configured by the process (environment and system properties) before a backend is
 * first used; the {@code threads} argument is what the backend itself controls.
 *
 * <p>Self-description: a backend says what a harness needs to run it without naming it: the JVM options and native
 * settings of the JVM it runs in ({@link #jvmOptions}, {@link #threadSettings}, {@link #propertyPrefixes}), whether
 * it is a main backend or a variant of one ({@link #mainId}), the documented deviations {@code verify} shows as
 * known ({@link #knownDeviation}) and the matrix products its models compute with ({@link #sgemms}).
 */
public interface Backend {

    /**
     * The id: {@code scratch}, {@code dl4j}, {@code djl}, or a variant such as {@code djl:unrolled}. A variant's id
     * is its main backend's id, a colon and the variant's name.
     */
    String id();

    /**
     * The main backend this one belongs to: its own id for a main backend, the part before the colon for a variant
     * (the same model computed another way, kept beside the main backend to compare with it).
     */
    default String mainId() {
        int colon = id().indexOf(':');
        return colon < 0 ? id() : id().substring(0, colon);
    }

    /** True for a variant of a main backend ({@link #mainId}). */
    default boolean isVariant() {
        return !mainId().equals(id());
    }

    /**
     * True for the backend others are compared against first when nothing else is asked for (at most one should
     * say so): the one whose every operation is in plain view. False by default.
     */
    default boolean isReference() {
        return false;
    }

    /** One line saying what this backend is. */
    String description();

    /** The libraries it runs on and their versions, for provenance, e.g. {@code {"djl": "0.36.0"}}. */
    Map<String, String> versions();

    /**
     * Options for a JVM of this one's release to run this backend in, beyond the defaults, e.g. a module it needs or
     * a JIT setting it
     * depends on for speed. A harness starting one JVM per backend passes them to that JVM only, so that no backend
     * runs under another's settings. None by default.
     */
    default List<String> jvmOptions() {
        return jvmOptions(Runtime.version().feature());
    }

    /**
     * The {@link #jvmOptions()} for a JVM of feature release {@code javaFeature} (17 for Java 17.0.15), which a
     * harness starting workers on another JDK passes: a JIT setting one release needs may be one a later release
     * does without. None by default.
     */
    default List<String> jvmOptions(int javaFeature) {
        return List.of();
    }

    /**
     * The native settings that give this backend {@code threads} compute threads, which must be in place before its
     * native libraries load (so set when its JVM starts), e.g. {@code OMP_NUM_THREADS=threads}, together with any
     * other environment variable its libraries must read from the start (a JVM option belongs in
     * {@link #jvmOptions}). None by default: a backend whose own pool takes the {@code threads} argument of
     * {@link #create} needs none.
     */
    default List<NativeSetting> threadSettings(int threads) {
        return List.of();
    }

    /**
     * Prefixes of the system properties its libraries read (say {@code org.bytedeco.}): a harness starting a JVM
     * for this backend passes the ones the user gave the harness's own JVM on to it. None by default.
     */
    default List<String> propertyPrefixes() {
        return List.of();
    }

    /**
     * Why this backend is documented to disagree with the others on {@code cell}, or empty when it is not (the
     * default): {@code verify} shows such differences as known and does not count them.
     */
    default Optional<String> knownDeviation(CellType cell) {
        return Optional.empty();
    }

    /**
     * The single-precision matrix products this backend's models compute with, by a short name (say
     * {@code openblas}), for measuring them against each other; none by default.
     */
    default Map<String, Sgemm> sgemms() {
        return Map.of();
    }

    /**
     * What its units cost, roughly, on one thread of a current x86 core, for planning (see {@link CostRates}); by
     * default {@link CostRates#UNKNOWN_BACKEND}, which never under-estimates.
     */
    default CostRates costRates() {
        return CostRates.UNKNOWN_BACKEND;
    }

    /**
     * Memory its worker needs beyond the JVM heap (a framework's native arrays), in bytes, for a scheduler's
     * memory request; none by default.
     */
    default long nativeMemoryBytes() {
        return 0;
    }

    /** Why this backend cannot train {@code model} with {@code train}, or empty when it can. */
    Optional<String> unsupportedReason(ModelSpec model, TrainSpec train);

    /**
     * A new model with unspecified initial weights (import canonical ones before use).
     *
     * @param threads compute threads the backend may use, at least 1
     * @throws IllegalArgumentException when {@link #unsupportedReason} is not empty
     */
    SequenceModel create(ModelSpec model, TrainSpec train, int threads);

    /**
     * Runs a recurrent stack alone on dense input (B, T, I) with the given weights and zero initial states. Every
     * sequence runs all T steps and the input's lengths are not read (as a PyTorch module on an unpacked tensor),
     * so h_n and c_n are the states after step T-1.
     *
     * @param weights weights of the stack's layout ({@link org.rnnbench.core.weights.ParameterLayout#of(CellSpec)})
     */
    StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input);
}
