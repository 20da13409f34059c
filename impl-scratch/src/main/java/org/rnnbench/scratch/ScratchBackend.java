package org.rnnbench.scratch;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;

import org.rnnbench.core.cost.CostRates;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.Sgemm;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.scratch.gemm.KernelSgemm;
import org.rnnbench.scratch.gemm.Tile;
import org.rnnbench.scratch.net.ProbeRunner;
import org.rnnbench.scratch.simd.Simd;

/**
 * The {@code scratch} backend: pure-Java float32 on the incubating Vector API. Every cell, encoding, topology, loss and
 * optimizer of the contract is supported. The JVM must run with {@code --add-modules jdk.incubator.vector}; without it
 * {@link #unsupportedReason} says so and nothing is created. For steady-state speed it should also run with {@code
 * -XX:-UseTypeSpeculation} on JDKs before 25: {@link #jvmOptions(int)}. It reads no native setting: its worker pool
 * takes the {@code threads} of {@link #create}. It is the reference {@code verify} compares the others against first
 * (every operation is in this repository), and it offers its GEMM kernel and the naive twin the kernel is tested
 * against as {@link #sgemms()} ({@code fast}, {@code naive}).
 */
public final class ScratchBackend implements Backend {
    /** The backend id. */
    public static final String ID = "scratch";
    /** The module the kernels need. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The JVM option that adds {@link #VECTOR_MODULE}. */
    public static final String ADD_VECTOR_MODULE = "--add-modules=" + VECTOR_MODULE;
    /**
     * The JVM option that keeps the kernels' Vector API calls compiled on JDK 17: with type speculation on, in 7 of
     * 53 JVMs (none of 28 with it off) its C2 compiled a cell kernel in which a vector value had lost its exact type,
     * so a Vector API store stayed out of line and vectors were boxed for the rest of the run: 9-12 MB allocated per
     * train step of an LSTM with H=128, B=32, T=100, and a quarter slower. The results are the same bits either way.
     */
    public static final String NO_TYPE_SPECULATION = "-XX:-UseTypeSpeculation";
    /**
     * The first release whose C2 keeps the kernels unboxed with type speculation on, so that they run without
     * {@link #NO_TYPE_SPECULATION}: on JDK 25, of 48 JMH forks without it (LSTM and GRU at H=128, LSTM at H=64)
     * none showed the lasting megabytes per step of JDK 17's defect, and the train step took as long as with it
     * (docs/SPEED.md, Notes).
     */
    public static final int TYPE_SPECULATION_SAFE_FROM = 25;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "pure-Java float32: flat parameter buffers, Vector API GEMM kernels, fused gate loops";
    }

    /** The Vector API module, and before {@link #TYPE_SPECULATION_SAFE_FROM} {@link #NO_TYPE_SPECULATION}. */
    @Override
    public List<String> jvmOptions(int javaFeature) {
        return javaFeature < TYPE_SPECULATION_SAFE_FROM ? List.of(ADD_VECTOR_MODULE, NO_TYPE_SPECULATION)
            : List.of(ADD_VECTOR_MODULE);
    }

    /**
     * Measured with the smoke suite and the one-thread train-step table of docs/SPEED.md: about 25 GFLOP/s and
     * 2 us per cell step, with no per-operation overhead to speak of.
     */
    @Override
    public CostRates costRates() {
        return new CostRates(4e-11, Map.of(CostRates.ANY_CELL, 2e-6), 0.3, 1.5);
    }

    @Override
    public boolean isReference() {
        return true;
    }

    @Override
    public Map<String, Sgemm> sgemms() {
        Map<String, Sgemm> m = new LinkedHashMap<>();
        m.put("fast", KernelSgemm.fast());
        m.put("naive", KernelSgemm.naive());
        return m;
    }

    /** The {@link Tile#PROPERTY} that selects the GEMM tile, passed on to the backend's worker JVMs. */
    @Override
    public List<String> propertyPrefixes() {
        return List.of(Tile.PROPERTY);
    }

    /**
     * The JVM, the vector species, the GEMM tile with the registers it was chosen for ({@code 12x2 of 32
     * registers}), and whether type speculation is on.
     */
    @Override
    public Map<String, String> versions() {
        boolean vectors = vectorApiPresent();
        return Map.of("java", System.getProperty("java.version"),
            "vector-species", vectors ? Simd.SPECIES.toString() : "unavailable",
            "gemm-tile", vectors ? Tile.selected() + " of " + Simd.REGISTERS + " registers" : "unavailable",
            "type-speculation", typeSpeculation());
    }

    @Override
    public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
        if (!vectorApiPresent()) {
            return Optional.of(missingVectorApi());
        }
        String tile = System.getProperty(Tile.PROPERTY, Tile.AUTO);
        if (Tile.parse(tile).isEmpty()) {
            return Optional.of("the system property " + Tile.PROPERTY + " is " + tile + "; use one of "
                + Tile.choices());
        }
        return Optional.ofNullable(train.incompatibility(model));
    }

    @Override
    public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new ScratchModel(this, model, train, threads);
    }

    @Override
    public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
        if (!vectorApiPresent()) {
            throw new IllegalStateException(missingVectorApi());
        }
        return ProbeRunner.run(cell, weights, input);
    }

    /** "true" or "false": the JVM's {@code UseTypeSpeculation}, which should be off (see {@link #NO_TYPE_SPECULATION}). */
    private static String typeSpeculation() {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("UseTypeSpeculation")
                .getValue();
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static String missingVectorApi() {
        return "the scratch backend needs the JVM option --add-modules " + VECTOR_MODULE
            + " (its kernels use the incubating Vector API)";
    }
}
