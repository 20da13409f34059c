package org.rnnbench.dl4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.cost.CostRates;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.NativeSetting;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.Sgemm;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.dl4j.classic.ClassicModel;
import org.rnnbench.dl4j.classic.ClassicProbe;
import org.rnnbench.dl4j.runtime.Nd4jSgemm;
import org.rnnbench.dl4j.runtime.Threads;
import org.rnnbench.dl4j.runtime.Versions;
import org.rnnbench.dl4j.samediff.LayerKind;
import org.rnnbench.dl4j.samediff.SameDiffModel;
import org.rnnbench.dl4j.samediff.SameDiffProbe;

/**
 * Backend {@code dl4j}: every cell, encoding, topology, loss and training setting of the contract on
 * Deeplearning4j 1.0.0-M2.1, exact to float32 rounding. Each combination takes the path a DL4J user would take
 * where that path is correct, and SameDiff where it is not:
 * <ul>
 *   <li>RNN_TANH, RNN_RELU and LSTM on one-to-one, many-to-one, many-to-many and one-to-many (dense or one-hot
 *       input) with full BPTT: classic {@code MultiLayerNetwork} layers ({@link ClassicModel}); their dL/dh_t
 *       curves come from a SameDiff twin.</li>
 *   <li>GRU (no classic layer; the fused {@code gru} op has a wrong backprop), min-gru and min-lstm (no classic
 *       layer: every gate of every step from one product, then the element-wise recurrence), truncated BPTT (the
 *       classic one has wrong gradients), encoder-decoder, and one-to-many after an embedding: a SameDiff graph
 *       unrolled from primitive ops ({@link SameDiffModel}).</li>
 * </ul>
 * {@link #path} names the path of a combination. Nothing is refused beyond the train spec's own incompatibility
 * (truncated BPTT outside many-to-many). The stack probe runs classic layers for RNN and LSTM and the unrolled
 * SameDiff graph for the other cells. A variant ({@link FusedGruBackend}) builds its layers another way.
 *
 * <p>Native libraries are ND4J's linux-x86_64 CPU backend with OpenBLAS, unpacked from the jars on first use.
 * OpenMP and OpenBLAS size their pools from the environment when they load: {@link #threadSettings} names the
 * variables, to be set before the JVM starts (see {@link Threads}). {@link #sgemms()} offers ND4J's gemm
 * ({@code openblas}).
 */
public class Dl4jBackend implements Backend {
    /** The id. */
    public static final String ID = "dl4j";
    /** The environment variables OpenMP, MKL and OpenBLAS size their thread pools from when they load. */
    public static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS",
        "OPENBLAS_NUM_THREADS");

    private final String id;
    private final LayerKind kind;

    /** The exact backend, {@code dl4j}. */
    public Dl4jBackend() {
        this(ID, LayerKind.UNROLLED);
    }

    /** A variant of another id whose SameDiff layers are built as {@code kind}. */
    protected Dl4jBackend(String id, LayerKind kind) {
        this.id = id;
        this.kind = kind;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return kind == LayerKind.UNROLLED
            ? "Deeplearning4j: classic layers for RNN and LSTM, SameDiff graphs unrolled from primitive ops elsewhere"
            : "Deeplearning4j, GRU on SameDiff's fused gru op (single bias, wrong backprop in 1.0.0-M2.1)";
    }

    @Override
    public Map<String, String> versions() {
        return Versions.all();
    }

    @Override
    public List<NativeSetting> threadSettings(int threads) {
        return THREAD_VARIABLES.stream().map(v -> NativeSetting.environment(v, Integer.toString(threads))).toList();
    }

    @Override
    public List<String> propertyPrefixes() {
        return List.of("org.bytedeco.", "org.nd4j.");
    }

    @Override
    public Optional<String> knownDeviation(CellType cell) {
        if (kind == LayerKind.FUSED_GRU && cell == CellType.GRU) {
            return Optional.of("SameDiff's fused gru op in DL4J 1.0.0-M2.1 has one bias outside the reset (b_hn is"
                + " folded into b_in, so outputs differ unless b_hn = 0) and a wrong backprop (gradients off by"
                + " several per cent; see impl-dl4j/FINDINGS.md); the dl4j backend computes the exact GRU");
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Sgemm> sgemms() {
        return Map.of("openblas", new Nd4jSgemm());
    }

    /**
     * Measured with the smoke suite and the one-thread train-step table of docs/SPEED.md: about 10 GFLOP/s, and
     * 0.8-7 ms per cell step (its GRU is a graph of primitive ops, the dearest).
     */
    @Override
    public CostRates costRates() {
        return new CostRates(1e-10, Map.of("rnn-tanh", 8e-4, "rnn-relu", 8e-4, "lstm", 2e-3, "gru", 7e-3,
            CostRates.ANY_CELL, 2e-3), 1.0, 6);
    }

    /** ND4J's arrays and workspaces live outside the JVM heap; 2 GB asked to be safe. */
    @Override
    public long nativeMemoryBytes() {
        return 2L << 30;
    }

    @Override
    public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
        if (kind == LayerKind.FUSED_GRU && model.cell() != CellType.GRU) {
            return Optional.of("the fused-gru variant runs only GRU cells, not " + model.cell().id()
                + "; use the dl4j backend");
        }
        return Optional.ofNullable(train.incompatibility(model));
    }

    @Override
    public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
        unsupportedReason(model, train).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        Threads.apply(threads);
        if (kind != LayerKind.UNROLLED) {
            return new SameDiffModel(model, train, kind);
        }
        return path(model, train) == Path.CLASSIC ? new ClassicModel(model, train)
            : new SameDiffModel(model, train, LayerKind.UNROLLED);
    }

    @Override
    public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
        if (kind == LayerKind.FUSED_GRU) {
            if (cell.cell() != CellType.GRU) {
                throw new IllegalArgumentException("the fused-gru variant probes only GRU stacks, not "
                    + cell.cell().id());
            }
            return SameDiffProbe.run(cell, kind, weights, input);
        }
        return ClassicProbe.hasLayer(cell.cell()) ? ClassicProbe.run(cell, weights, input)
            : SameDiffProbe.run(cell, LayerKind.UNROLLED, weights, input);
    }

    /** Where a combination runs. */
    public enum Path {
        /** Classic {@code MultiLayerNetwork} layers. */
        CLASSIC,
        /** A SameDiff graph unrolled from primitive ops. */
        SAMEDIFF
    }

    /** The path {@link #create} of the {@code dl4j} backend takes for a combination. */
    public static Path path(ModelSpec model, TrainSpec train) {
        return ClassicModel.unsupportedReason(model, train) == null ? Path.CLASSIC : Path.SAMEDIFF;
    }
}
