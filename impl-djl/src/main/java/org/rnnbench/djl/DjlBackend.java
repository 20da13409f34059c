package org.rnnbench.djl;

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
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.djl.nn.StackKind;

/**
 * The backend {@code djl}: DJL 0.36 on the PyTorch 2.7.1 engine (CPU, float32), with DJL's fused recurrent blocks
 * (libtorch's RNN, LSTM and GRU kernels). It runs every combination of the contract: the four cells, any number of
 * layers, the three encodings, the five topologies, the three losses with masks, SGD and Adam, global-norm
 * clipping and truncated BPTT; its only refusal is the train spec's own {@link TrainSpec#incompatibility}.
 *
 * <p>The engine loads offline on first use, with the thread and cache settings described in {@link DjlEngine};
 * {@code threads} of the first {@link #create} (or 1 for a first {@link #probeStack}) sets libtorch's thread
 * counts unless the user set them, and cannot change them afterwards. A harness starting a JVM per backend sets
 * them from {@link #threadSettings} and runs it offline ({@link #jvmOptions}); {@link #sgemms()} offers libtorch's
 * matmul ({@code libtorch}).
 */
public class DjlBackend implements Backend {
    /** The id of the fused backend. */
    public static final String ID = "djl";
    /**
     * The instruction set oneDNN may use, read when libtorch loads: {@code ONEDNN_MAX_CPU_ISA=AVX2} (see
     * {@link #threadSettings}).
     */
    public static final NativeSetting ONEDNN_ISA = NativeSetting.environment("ONEDNN_MAX_CPU_ISA", "AVX2");

    private final String id;
    private final StackKind kind;

    /** The fused backend, {@code djl}. */
    public DjlBackend() {
        this(ID, StackKind.FUSED);
    }

    /** A backend of another id computing its stacks another way. */
    protected DjlBackend(String id, StackKind kind) {
        this.id = id;
        this.kind = kind;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return kind == StackKind.FUSED
            ? "DJL on the PyTorch engine, fused libtorch RNN/LSTM/GRU kernels (float32)"
            : "DJL on the PyTorch engine, cells unrolled step by step from NDArray operations (float32)";
    }

    @Override
    public Map<String, String> versions() {
        return DjlEngine.versions();
    }

    /**
     * Measured with the smoke suite and the one-thread train-step table of docs/SPEED.md: about 28 GFLOP/s on large
     * models, and 35-300 us per cell step (fused LSTM cheapest, GRU dearest) where the per-call cost dominates.
     */
    @Override
    public CostRates costRates() {
        return new CostRates(3.5e-11, Map.of("rnn-tanh", 1.2e-4, "rnn-relu", 1.2e-4, "lstm", 4e-5, "gru", 3e-4,
            CostRates.ANY_CELL, 1.5e-4), 0.2, 4);
    }

    /** libtorch's arrays live outside the JVM heap: about 0.5 GB for the suites' models, 2 GB asked to be safe. */
    @Override
    public long nativeMemoryBytes() {
        return 2L << 30;
    }

    /** {@code -Dai.djl.offline=true}: DJL fails at once instead of trying a download (a later user value wins). */
    @Override
    public List<String> jvmOptions(int javaFeature) {
        return List.of("-D" + DjlEngine.OFFLINE + "=true");
    }

    /**
     * libtorch's intra-op and inter-op thread counts, read when the engine loads, and {@link #ONEDNN_ISA}: oneDNN,
     * which libtorch's fused LSTM runs on, computes it wrongly with its AVX-512 kernels on an AMD EPYC (Zen 5,
     * family 26) here, final states 34% off the reference and every other backend (the contract suite failed 65
     * cases); capped at AVX2 it agrees to 1e-6, as it does on AVX2 machines.
     */
    @Override
    public List<NativeSetting> threadSettings(int threads) {
        String n = Integer.toString(threads);
        return List.of(NativeSetting.property(DjlEngine.NUM_THREADS, n),
            NativeSetting.property(DjlEngine.NUM_INTEROP_THREADS, n), ONEDNN_ISA);
    }

    @Override
    public List<String> propertyPrefixes() {
        return List.of("ai.djl.");
    }

    @Override
    public Map<String, Sgemm> sgemms() {
        return Map.of("libtorch", new TorchSgemm());
    }

    @Override
    public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
        return Optional.ofNullable(train.incompatibility(model));
    }

    @Override
    public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
        return new DjlModel(this, model, train, kind, DjlEngine.get(threads));
    }

    @Override
    public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
        return StackProbes.run(DjlEngine.get(1), kind, cell, weights, input);
    }
}
