package org.rnnbench.dl4j;

import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.dl4j.runtime.Threads;
import org.rnnbench.dl4j.runtime.Versions;
import org.rnnbench.dl4j.samediff.LayerKind;
import org.rnnbench.dl4j.samediff.SameDiffModel;
import org.rnnbench.dl4j.samediff.SameDiffProbe;

/**
 * Backend {@code dl4j:fused-gru}: the GRU on SameDiff's fused {@code sd.rnn().gru} op, what a DL4J user reaching
 * for a GRU would write, kept beside the exact {@code dl4j} backend so that the suite can show how it differs.
 *
 * <p>What it cannot represent: the op has one bias per gate row, added outside the reset, so a canonical GRU's
 * {@code b_hn} (inside {@code r * (W_hn h + b_hn)}) has no place. Import adds {@code b_hn} to {@code b_in} (exact
 * when {@code b_hn = 0}, as under every initialiser but PyTorch's); export returns the single bias as
 * {@code bias_ih} and zeros as {@code bias_hh}. Its backprop is wrong in DL4J 1.0.0-M2.1 (gradients off by several
 * per cent, see the module's FINDINGS.md), so its gradients, updates and dL/dh_t curves carry that error. Per-step
 * dL/dh_t runs the op one step at a time (the only way to name each step's state). Other cells are refused.
 */
public final class FusedGruBackend implements Backend {
    /** The id. */
    public static final String ID = "dl4j:fused-gru";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Deeplearning4j, GRU on SameDiff's fused gru op (single bias, wrong backprop in 1.0.0-M2.1)";
    }

    @Override
    public Map<String, String> versions() {
        return Versions.all();
    }

    @Override
    public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
        if (model.cell() != CellType.GRU) {
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
        return new SameDiffModel(model, train, LayerKind.FUSED_GRU);
    }

    @Override
    public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
        if (cell.cell() != CellType.GRU) {
            throw new IllegalArgumentException("the fused-gru variant probes only GRU stacks, not "
                + cell.cell().id());
        }
        return SameDiffProbe.run(cell, LayerKind.FUSED_GRU, weights, input);
    }
}
