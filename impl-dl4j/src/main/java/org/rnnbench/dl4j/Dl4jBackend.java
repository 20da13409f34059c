package org.rnnbench.dl4j;

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
import org.rnnbench.dl4j.classic.ClassicModel;
import org.rnnbench.dl4j.classic.ClassicProbe;
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
 * SameDiff graph for the other cells.
 *
 * <p>Native libraries are ND4J's linux-x86_64 CPU backend with OpenBLAS, unpacked from the jars on first use.
 * Set {@code OMP_NUM_THREADS} in the environment before the JVM starts (see {@link Threads}).
 */
public final class Dl4jBackend implements Backend {
    /** The id. */
    public static final String ID = "dl4j";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Deeplearning4j: classic layers for RNN and LSTM, SameDiff graphs unrolled from primitive ops elsewhere";
    }

    @Override
    public Map<String, String> versions() {
        return Versions.all();
    }

    @Override
    public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
        return Optional.ofNullable(train.incompatibility(model));
    }

    @Override
    public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
        unsupportedReason(model, train).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        Threads.apply(threads);
        return path(model, train) == Path.CLASSIC ? new ClassicModel(model, train)
            : new SameDiffModel(model, train, LayerKind.UNROLLED);
    }

    @Override
    public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
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

    /** The path {@link #create} takes for a combination. */
    public static Path path(ModelSpec model, TrainSpec train) {
        return ClassicModel.unsupportedReason(model, train) == null ? Path.CLASSIC : Path.SAMEDIFF;
    }
}
