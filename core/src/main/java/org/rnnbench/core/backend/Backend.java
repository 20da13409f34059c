package org.rnnbench.core.backend;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
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
 */
public interface Backend {

    /** The id: {@code scratch}, {@code dl4j}, {@code djl}, or a variant such as {@code djl:unrolled}. */
    String id();

    /** One line saying what this backend is. */
    String description();

    /** The libraries it runs on and their versions, for provenance, e.g. {@code {"djl": "0.36.0"}}. */
    Map<String, String> versions();

    /**
     * Options for the JVM this backend runs in, beyond the defaults, e.g. a module it needs or a JIT setting it
     * depends on for speed. A harness starting one JVM per backend passes them to that JVM only, so that no backend
     * runs under another's settings. None by default.
     */
    default List<String> jvmOptions() {
        return List.of();
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
