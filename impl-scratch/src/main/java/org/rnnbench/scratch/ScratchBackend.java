package org.rnnbench.scratch;

import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.scratch.net.ProbeRunner;
import org.rnnbench.scratch.simd.Simd;

/**
 * The {@code scratch} backend: pure-Java float32 on the incubating Vector API. Every cell, encoding, topology, loss
 * and optimizer of the contract is supported. The JVM must run with {@code --add-modules jdk.incubator.vector};
 * without it {@link #unsupportedReason} says so and nothing is created.
 */
public final class ScratchBackend implements Backend {
    /** The backend id. */
    public static final String ID = "scratch";
    /** The module the kernels need. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "pure-Java float32: flat parameter buffers, Vector API GEMM kernels, fused gate loops";
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("java", System.getProperty("java.version"), "vector-species",
            vectorApiPresent() ? Simd.SPECIES.toString() : "unavailable");
    }

    @Override
    public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
        if (!vectorApiPresent()) {
            return Optional.of(missingVectorApi());
        }
        return Optional.ofNullable(train.incompatibility(model));
    }

    @Override
    public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
        Optional<String> reason = unsupportedReason(model, train);
        if (reason.isPresent()) {
            throw new IllegalArgumentException("the scratch backend cannot run " + model.id() + ": " + reason.get());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new ScratchModel(model, train, threads);
    }

    @Override
    public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
        if (!vectorApiPresent()) {
            throw new IllegalStateException(missingVectorApi());
        }
        return ProbeRunner.run(cell, weights, input);
    }

    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static String missingVectorApi() {
        return "the scratch backend needs the JVM option --add-modules " + VECTOR_MODULE
            + " (its kernels use the incubating Vector API)";
    }
}
