package org.rnnbench.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.Comparison;
import org.rnnbench.core.testkit.ContractCases;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.testkit.ReferenceModel;
import org.rnnbench.core.testkit.ReferenceProbe;
import org.rnnbench.core.testkit.ReferenceWeights;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * Backend {@code dl4j:fused-gru}: its forward pass is PyTorch's GRU when {@code b_hn = 0}, it cannot hold a
 * non-zero {@code b_hn}, and its backprop disagrees with the reference. The last assertions fail the day DL4J fixes
 * the fused op's gradient; then the variant's javadoc and FINDINGS.md need updating.
 */
class FusedGruMismatchTest {
    /** Far above float32 rounding and the contract's 1e-4; the measured errors are several per cent. */
    private static final double MISMATCH = 1e-3;

    private final FusedGruBackend backend = new FusedGruBackend();

    @Test
    void forwardIsPyTorchsGruButTheStackGradientsAreWrong() {
        CellSpec cell = new CellSpec(CellType.GRU, ContractCases.FEATURES, ContractCases.HIDDEN, 2);
        CanonicalWeights w = withoutHiddenNewBias(Initializer.initialize(cell, Init.PYTORCH, 11), cell);
        Sequences x = RandomBatches.dense(RandomBatches.BATCH, RandomBatches.TIME, cell.inputSize(), 12);
        StackProbe p = backend.probeStack(cell, w, x);
        ReferenceProbe.Result r = ReferenceProbe.run(cell, ReferenceWeights.of(w), Comparison.widen(x.values()),
            x.batch(), x.time());
        Comparison.assertClose("fused gru output", p.output(), r.output(), 1e-4);
        Comparison.assertClose("fused gru h_n", p.hN(), r.hN(), 1e-4);
        double worst = 0;
        for (String name : new String[] {ParameterLayout.weightIh(0), ParameterLayout.weightHh(0),
            ParameterLayout.weightIh(1), ParameterLayout.weightHh(1), ParameterLayout.biasIh(0)}) {
            worst = Math.max(worst, Comparison.relativeError(p.weightGradients().data(name),
                r.weightGradients().get(name)));
        }
        assertTrue(worst > MISMATCH, "the fused gru op's weight gradients now match the reference (worst relative "
            + "error " + worst + "): DL4J fixed its backprop; update FusedGruBackend's javadoc and FINDINGS.md");
    }

    @Test
    void modelLossMatchesButItsGradientsDoNot() {
        ModelSpec spec = ContractCases.model(new InputEncoding.Dense(ContractCases.FEATURES), CellType.GRU, 1,
            Topology.MANY_TO_MANY, LossType.MSE);
        TrainSpec sgd = TrainSpec.sgd(0.1, RandomBatches.BATCH, 1, 3);
        CanonicalWeights w = withoutHiddenNewBias(Initializer.initialize(spec, Init.PYTORCH, 13), spec.cellSpec());
        Batch batch = RandomBatches.of(spec, 14);
        ReferenceModel ref = new ReferenceModel(spec, sgd);
        ref.importWeights(w);
        try (SequenceModel m = backend.create(spec, sgd, 1)) {
            m.importWeights(w);
            GradientResult g = m.gradients(batch);
            GradientResult expected = ref.gradients(batch);
            Comparison.assertClose("fused gru loss", g.loss(), expected.loss(), 1e-4);
            double error = Comparison.relativeError(g.gradients().data(ParameterLayout.weightHh(0)),
                expected.gradients().data(ParameterLayout.weightHh(0)));
            assertTrue(error > MISMATCH, "dL/dW_hh of the fused gru model now matches the reference (relative "
                + "error " + error + "): DL4J fixed its backprop; update FusedGruBackend's javadoc and FINDINGS.md");
            // dL/dh_t runs the op one step at a time: a curve of the right length, of the reference's magnitude
            double[] norms = m.hiddenGradientNorms(batch);
            double[] exact = ref.hiddenGradientNorms(batch);
            assertEquals(exact.length, norms.length, "one norm per step");
            Comparison.assertClose("fused gru dL/dh_t norms", norms, exact, 0.5);
        }
    }

    @Test
    void aNonZeroHiddenNewBiasIsFoldedIntoTheInputOne() {
        CellSpec cell = new CellSpec(CellType.GRU, ContractCases.FEATURES, ContractCases.HIDDEN, 1);
        CanonicalWeights w = Initializer.initialize(cell, Init.PYTORCH, 15);
        Sequences x = RandomBatches.dense(RandomBatches.BATCH, RandomBatches.TIME, cell.inputSize(), 16);
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(ContractCases.FEATURES), CellType.GRU,
            ContractCases.HIDDEN, 1, Topology.MANY_TO_MANY, 2, LossType.MSE);
        CanonicalWeights full = Initializer.initialize(spec, Init.PYTORCH, 15);
        try (SequenceModel m = backend.create(spec, TrainSpec.sgd(0.1, 3, 1, 0), 1)) {
            m.importWeights(full);
            CanonicalWeights out = m.exportWeights();
            int h = ContractCases.HIDDEN;
            float[] bIh = full.data(ParameterLayout.biasIh(0));
            float[] bHh = full.data(ParameterLayout.biasHh(0));
            float[] expected = new float[3 * h];
            for (int r = 0; r < 3 * h; r++) {
                expected[r] = bIh[r] + bHh[r];
            }
            assertArrayEquals(expected, out.data(ParameterLayout.biasIh(0)), 1e-6f, "single bias = b_ih + b_hh");
            assertArrayEquals(new float[3 * h], out.data(ParameterLayout.biasHh(0)), "bias_hh exported as zeros");
            assertEquals(m.canonicalParameterCount() - 3L * h, m.nativeParameterCount(), "one bias of 3H per layer");
        }
        StackProbe p = backend.probeStack(cell, w, x);
        ReferenceProbe.Result r = ReferenceProbe.run(cell, ReferenceWeights.of(w), Comparison.widen(x.values()),
            x.batch(), x.time());
        double error = Comparison.relativeError(p.output(), r.output());
        assertTrue(error > MISMATCH, "with b_hn != 0 the fused op cannot compute PyTorch's GRU, yet the outputs "
            + "agree to " + error);
    }

    @Test
    void otherCellsAreRefusedWithAReason() {
        ModelSpec lstm = ContractCases.model(new InputEncoding.Dense(ContractCases.FEATURES), CellType.LSTM, 1,
            Topology.MANY_TO_ONE, LossType.MSE);
        TrainSpec sgd = TrainSpec.sgd(0.1, 3, 1, 0);
        String reason = backend.unsupportedReason(lstm, sgd).orElseThrow();
        assertTrue(reason.contains("only GRU"), reason);
        assertThrows(IllegalArgumentException.class, () -> backend.create(lstm, sgd, 1));
        assertTrue(backend.unsupportedReason(lstm.withCell(CellType.GRU), sgd).isEmpty());
    }

    // b_hn (rows 2H..3H of every bias_hh) set to 0, which the fused op can represent
    private static CanonicalWeights withoutHiddenNewBias(CanonicalWeights w, CellSpec cell) {
        CanonicalWeights copy = w.copy();
        int h = cell.hiddenSize();
        for (int k = 0; k < cell.layers(); k++) {
            java.util.Arrays.fill(copy.data(ParameterLayout.biasHh(k)), 2 * h, 3 * h, 0f);
        }
        return copy;
    }
}
