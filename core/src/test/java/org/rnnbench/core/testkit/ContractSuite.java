package org.rnnbench.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.ForwardResult;
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
import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * The contract test every backend passes: subclass it in the backend module's tests and return the backend.
 * <pre>
 * class ScratchContractTest extends ContractSuite {
 *     &#64;Override
 *     protected Backend backend() {
 *         return new ScratchBackend();
 *     }
 * }
 * </pre>
 *
 * <p>Every check imports the same canonical weights (from {@link Initializer}, PyTorch scheme) into the backend and
 * into the {@link ReferenceModel}, runs both on the same {@link RandomBatches} (variable lengths, random padding),
 * and compares with {@link Comparison} (per tensor, max|a-b| / max|b|) at {@link #tolerance()}, 1e-4 unless
 * overridden. Outputs are compared at valid target positions only (the contract leaves padding outputs open);
 * weights after training are compared with {@link Comparison#assertEquivalent} (recurrent biases by their sum, so
 * a backend may fold them). A combination the backend declares unsupported is checked only for a reason that is a
 * sentence and for {@code create} refusing it; every cell on many-to-one and many-to-many (every encoding and
 * loss, 1 or 2 layers, SGD, Adam or RMSprop) must be supported.
 *
 * <p>Cost: {@link ContractCases#grid()} (264 combinations) creates one model each; {@link ContractCases#training()}
 * (24) creates at most four each.
 */
public abstract class ContractSuite {
    /** SGD learning rate of the single-step checks: large, so that the update is a visible part of each weight. */
    public static final double SGD_LR = 0.5;
    /** Adam learning rate of the training checks. */
    public static final double ADAM_LR = 0.05;
    /**
     * RMSprop learning rate of the RMSprop check. Its first step moves every weight by about ten times this,
     * whatever the gradient's size, so a weight whose gradient is near {@code eps / 0.1 = 1e-7} (where float32's
     * relative error of a gradient reaches percents) moves by a float-sensitive amount: at 0.01 that broke the
     * 1e-4 tolerance on a 2-layer min-GRU's embedding (1.15e-4); at 1e-3 it is ten times smaller.
     */
    public static final double RMSPROP_LR = 1e-3;
    /** RMSprop steps compared with the reference. */
    public static final int RMSPROP_STEPS = 3;
    /** Adam steps of the "loss falls" and determinism checks. */
    public static final int TRAIN_STEPS = 40;
    /** After {@value #TRAIN_STEPS} Adam steps the loss must be below this fraction of the first step's. */
    public static final double FALL = 0.7;
    /** Truncated BPTT length of the truncation check (T = 6, so segments [0, 4) and [4, 6)). */
    public static final int TBPTT = 4;

    /** The backend under test; called once per check. */
    protected abstract Backend backend();

    /** The relative tolerance of every comparison with the reference (see {@link Comparison}). */
    protected double tolerance() {
        return 1e-4;
    }

    /** The thread count passed to {@link Backend#create}. */
    protected int threads() {
        return 1;
    }

    // ------------------------------------------------------------------------------------------- JUnit entry points

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.rnnbench.core.testkit.ContractCases#grid")
    void forwardGradientsHiddenNormsWeightsAndSgdStepMatchTheReference(ContractCase c) {
        checkModel(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.rnnbench.core.testkit.ContractCases#training")
    void adamClippingTruncationConvergenceDeterminismAndNanMatchTheContract(ContractCase c) {
        checkTraining(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.rnnbench.core.testkit.ContractCases#stacks")
    void stackProbeMatchesTheReference(CellSpec cell) {
        checkProbe(cell);
    }

    @Test
    void minLstmWithBothGatesSaturatedStaysExact() {
        checkSaturatedMinLstm();
    }

    @Test
    void pyTorchGoldenStacksAreReproduced() {
        checkGolden();
    }

    @Test
    void truncatedBpttOutsideManyToManyIsRefusedWithAReason() {
        checkRefusals();
    }

    @Test
    void everyCellRunsManyToOneAndManyToMany() {
        checkRequiredSupport();
    }

    @Test
    void backendDescribesItself() {
        Backend b = backend();
        assertFalse(b.id() == null || b.id().isBlank(), "the backend needs an id");
        assertFalse(b.description() == null || b.description().isBlank(), "the backend needs a description");
        assertNotNull(b.versions(), "versions may be empty but not null");
    }

    // ------------------------------------------------------------------------------------------- the checks

    /**
     * One model per combination: export(import(w)) is equivalent to w; parameter counts; forward outputs and loss;
     * gradients of every parameter; hidden-state gradient norms; none of these change the weights; one SGD step.
     */
    public final void checkModel(ContractCase c) {
        Backend backend = backend();
        ModelSpec spec = c.model();
        TrainSpec sgd = TrainSpec.sgd(SGD_LR, RandomBatches.BATCH, 1, c.seed());
        if (!supported(backend, spec, sgd)) {
            return;
        }
        double tol = tolerance();
        CanonicalWeights w = Initializer.initialize(spec, Init.PYTORCH, c.seed());
        Batch batch = RandomBatches.of(spec, c.seed() + 1);
        ReferenceModel ref = new ReferenceModel(spec, sgd);
        ref.importWeights(w);
        ReferencePass pass = ref.network().forward(ref.weights(), batch);
        ReferencePass.Gradients refGrads = pass.backward();
        try (SequenceModel m = backend.create(spec, sgd, threads())) {
            assertEquals(spec, m.spec(), c + ": spec()");
            assertEquals(sgd, m.trainSpec(), c + ": trainSpec()");
            m.importWeights(w);
            CanonicalWeights imported = m.exportWeights();
            Comparison.assertEquivalent(c + ": export(import(w))", imported, w, spec.cell(), 1e-6);
            assertEquals(ParameterLayout.of(spec).totalSize(), m.canonicalParameterCount(),
                c + ": canonical parameter count");
            assertTrue(m.nativeParameterCount() > 0, c + ": native parameter count");

            ForwardResult fr = m.forward(batch);
            Comparison.assertClose(c + ": forward loss", fr.loss(), pass.loss(), tol);
            assertOutputs(c + ": forward outputs", fr.outputs(), pass, batch.target(), tol);

            GradientResult gr = m.gradients(batch);
            Comparison.assertClose(c + ": gradients() loss", gr.loss(), pass.loss(), tol);
            Comparison.assertClose(c + ": gradient", gr.gradients(), refGrads.gradients(), tol);

            double[] norms = m.hiddenGradientNorms(batch);
            assertEquals(batch.recurrentSteps(spec.topology()), norms.length, c + ": one norm per recurrent step");
            Comparison.assertClose(c + ": hidden gradient norms", norms, ref.hiddenGradientNorms(batch), tol);

            assertEquals(imported, m.exportWeights(), c + ": forward, gradients and hiddenGradientNorms must not "
                + "change the weights");

            double loss = m.trainStep(batch);
            double refLoss = ref.trainStep(batch);
            Comparison.assertClose(c + ": SGD step loss", loss, refLoss, tol);
            Comparison.assertEquivalent(c + ": weights after one SGD step", m.exportWeights(), ref.exportWeights(),
                spec.cell(), tol);
        }
    }

    /**
     * The training checks on a few models: two Adam steps; {@value #RMSPROP_STEPS} RMSprop steps; the loss falls over {@value #TRAIN_STEPS} Adam steps on
     * one batch; the same weights and batch give a bit-identical loss curve on a second fresh model; an active
     * global-norm clip; NaN weights give NaN losses without throwing; a truncated-BPTT step (many-to-many), or its
     * refusal elsewhere.
     */
    public final void checkTraining(ContractCase c) {
        Backend backend = backend();
        ModelSpec spec = c.model();
        double tol = tolerance();
        // weights from seed + 1: with these every training case is learnable by the reference with a margin
        // (its worst case, a 2-layer ReLU RNN, ends at 0.37 of its first loss; ReLU units that die early can
        // leave other seeds stuck near 0.8)
        CanonicalWeights w = Initializer.initialize(spec, Init.PYTORCH, c.seed() + 1);
        Batch batch = RandomBatches.of(spec, c.seed() + 1);

        TrainSpec adam = TrainSpec.adam(ADAM_LR, RandomBatches.BATCH, TRAIN_STEPS, c.seed());
        if (supported(backend, spec, adam)) {
            double[] curve = adamCurve(backend, spec, adam, w, batch, c);
            double[] again = adamCurve(backend, spec, adam, w, batch, null);
            assertArrayEquals(curve, again, 0.0, c + ": the same weights and batch must give a bit-identical loss "
                + "curve on a second fresh model");
            double last = curve[curve.length - 1];
            assertTrue(last < FALL * curve[0], c + ": the loss must fall below " + FALL + " of its first value over "
                + TRAIN_STEPS
                + " Adam steps on one batch (from " + curve[0] + " to " + last + ")");
        }

        TrainSpec rmsprop = TrainSpec.rmsprop(RMSPROP_LR, RandomBatches.BATCH, RMSPROP_STEPS, c.seed());
        if (supported(backend, spec, rmsprop)) {
            ReferenceModel ref = referenceModel(spec, rmsprop, w);
            try (SequenceModel m = backend.create(spec, rmsprop, threads())) {
                m.importWeights(w);
                for (int s = 1; s <= RMSPROP_STEPS; s++) {
                    Comparison.assertClose(c + ": RMSprop step " + s + " loss", m.trainStep(batch),
                        ref.trainStep(batch), tol);
                    Comparison.assertEquivalent(c + ": weights after RMSprop step " + s, m.exportWeights(),
                        ref.exportWeights(), spec.cell(), tol);
                }
            }
        }

        double refNorm = referenceModel(spec, TrainSpec.sgd(SGD_LR, RandomBatches.BATCH, 1, c.seed()), w)
            .gradientsInDouble(batch).gradients().norm();
        TrainSpec clipped = TrainSpec.sgd(SGD_LR, RandomBatches.BATCH, 1, c.seed()).withClipNorm(refNorm / 4);
        if (supported(backend, spec, clipped)) {
            ReferenceModel ref = referenceModel(spec, clipped, w);
            try (SequenceModel m = backend.create(spec, clipped, threads())) {
                m.importWeights(w);
                Comparison.assertClose(c + ": clipped step loss", m.trainStep(batch), ref.trainStep(batch), tol);
                Comparison.assertEquivalent(c + ": weights after a clipped step (clip " + clipped.clipNorm()
                    + ", gradient norm " + refNorm + ")", m.exportWeights(), ref.exportWeights(), spec.cell(), tol);

                CanonicalWeights poisoned = w.copy();
                // the minimal cells have no weight_hh; their b_ih reaches every step whatever the input
                poisoned.data(spec.cell().hasRecurrentWeights() ? ParameterLayout.weightHh(0)
                    : ParameterLayout.biasIh(0))[0] = Float.NaN;
                m.importWeights(poisoned);
                double forwardLoss = assertDoesNotThrow(() -> m.forward(batch).loss(),
                    c + ": forward must not throw on NaN weights");
                assertTrue(Double.isNaN(forwardLoss), c + ": NaN weights must give a NaN forward loss, got "
                    + forwardLoss);
                double stepLoss = assertDoesNotThrow(() -> m.trainStep(batch),
                    c + ": trainStep must return, not throw, on NaN weights");
                assertTrue(Double.isNaN(stepLoss), c + ": NaN weights must give a NaN train loss, got " + stepLoss);
            }
        }

        TrainSpec truncated = TrainSpec.adam(ADAM_LR, RandomBatches.BATCH, 1, c.seed()).withTbptt(TBPTT);
        if (spec.topology() != Topology.MANY_TO_MANY) {
            assertRefused(backend, spec, truncated, c + ": truncated BPTT on " + spec.topology().id());
        } else if (supported(backend, spec, truncated)) {
            ReferenceModel ref = referenceModel(spec, truncated, w);
            try (SequenceModel m = backend.create(spec, truncated, threads())) {
                m.importWeights(w);
                Comparison.assertClose(c + ": truncated BPTT step loss", m.trainStep(batch), ref.trainStep(batch),
                    tol);
                Comparison.assertEquivalent(c + ": weights after a truncated BPTT step (length " + TBPTT + ")",
                    m.exportWeights(), ref.exportWeights(), spec.cell(), tol);
            }
        }
    }

    // TRAIN_STEPS Adam steps on one batch; with a case, the first two are checked against the reference
    private double[] adamCurve(Backend backend, ModelSpec spec, TrainSpec adam, CanonicalWeights w, Batch batch,
                               ContractCase check) {
        double[] curve = new double[TRAIN_STEPS];
        ReferenceModel ref = check == null ? null : referenceModel(spec, adam, w);
        List<ReferenceWeights> stepGradients = new ArrayList<>();
        try (SequenceModel m = backend.create(spec, adam, threads())) {
            m.importWeights(w);
            for (int s = 0; s < TRAIN_STEPS; s++) {
                curve[s] = m.trainStep(batch);
                if (ref != null && s < 2) {
                    stepGradients.add(ref.gradientsInDouble(batch).gradients());
                    Comparison.assertClose(check + ": Adam step " + (s + 1) + " loss", curve[s], ref.trainStep(batch),
                        tolerance());
                    CanonicalWeights expected = ref.exportWeights();
                    Comparison.assertEquivalent(check + ": weights after Adam step " + (s + 1),
                        Comparison.withFlatGradientsFrom(m.exportWeights(), expected, stepGradients,
                            100 * Optimizer.ADAM_EPSILON), expected, spec.cell(), tolerance());
                }
                assertTrue(Double.isFinite(curve[s]), "Adam step " + (s + 1) + " gave a loss of " + curve[s]);
            }
        }
        return curve;
    }

    /** The stack alone: outputs, final states, input and weight gradients against the reference. */
    public final void checkProbe(CellSpec cell) {
        checkProbe(cell, Initializer.initialize(cell, Init.PYTORCH, 1000 + cell.layers()), cell.id() + " stack probe");
    }

    /**
     * A minLSTM whose forget and input gates both sit far below zero (biases lowered by 60 and 64, so f and i are
     * about 1e-26 and 1e-28 and (f+i)^2 underflows in float): only their ratio matters, and it must stay exact.
     */
    public final void checkSaturatedMinLstm() {
        CellSpec cell = new CellSpec(CellType.MIN_LSTM, ContractCases.FEATURES, ContractCases.HIDDEN, 2);
        CanonicalWeights w = Initializer.initialize(cell, Init.PYTORCH, 1002);
        for (int k = 0; k < cell.layers(); k++) {
            float[] b = w.data(ParameterLayout.biasIh(k));
            for (int j = 0; j < cell.hiddenSize(); j++) {
                b[j] -= 60;
                b[cell.hiddenSize() + j] -= 64;
            }
        }
        checkProbe(cell, w, "min-lstm stack probe with f, i near 1e-26");
    }

    private void checkProbe(CellSpec cell, CanonicalWeights w, String what) {
        Sequences input = RandomBatches.dense(RandomBatches.BATCH, RandomBatches.TIME, cell.inputSize(),
            2000 + cell.layers());
        StackProbe p = backend().probeStack(cell, w, input);
        ReferenceProbe.Result r = ReferenceProbe.run(cell, ReferenceWeights.of(w),
            Comparison.widen(input.values()), input.batch(), input.time());
        double tol = tolerance();
        Comparison.assertClose(what + ": output", p.output(), r.output(), tol);
        Comparison.assertClose(what + ": h_n", p.hN(), r.hN(), tol);
        if (cell.cell().hasCellState()) {
            assertNotNull(p.cN(), what + ": an LSTM probe needs c_n");
            Comparison.assertClose(what + ": c_n", p.cN(), r.cN(), tol);
        } else {
            assertNull(p.cN(), what + ": only LSTM has c_n");
        }
        Comparison.assertClose(what + ": input gradient", p.inputGradient(), r.inputGradient(), tol);
        Comparison.assertClose(what + ": weight gradient", p.weightGradients(), r.weightGradients(), tol);
    }

    /** The golden PyTorch-layout LSTM and GRU files: the probe reproduces the independent numpy outputs. */
    public final void checkGolden() {
        for (GoldenFiles.Case g : GoldenFiles.all()) {
            StackProbe p = backend().probeStack(g.cell(), g.weights(), g.input());
            Comparison.assertClose(g.name() + ": output", p.output(), g.output(), tolerance());
            Comparison.assertClose(g.name() + ": h_n", p.hN(), g.hN(), tolerance());
            if (g.cN() != null) {
                Comparison.assertClose(g.name() + ": c_n", p.cN(), g.cN(), tolerance());
            }
        }
    }

    /** Truncated BPTT outside many-to-many: a reason, and {@code create} throws IllegalArgumentException. */
    public final void checkRefusals() {
        TrainSpec truncated = TrainSpec.sgd(0.1, RandomBatches.BATCH, 1, 0).withTbptt(2);
        for (CellType cell : CellType.values()) {
            ModelSpec spec = ContractCases.model(new InputEncoding.Dense(ContractCases.FEATURES), cell, 1,
                Topology.MANY_TO_ONE, LossType.MSE);
            assertRefused(backend(), spec, truncated, cell.id() + " many-to-one with truncated BPTT");
        }
    }

    /** Every cell on many-to-one and many-to-many, every encoding and loss, 1 or 2 layers, SGD and Adam. */
    public final void checkRequiredSupport() {
        Backend backend = backend();
        for (CellType cell : CellType.values()) {
            for (InputEncoding enc : ContractCases.encodings()) {
                for (LossType loss : LossType.values()) {
                    for (Topology topology : new Topology[] {Topology.MANY_TO_ONE, Topology.MANY_TO_MANY}) {
                        for (int layers = 1; layers <= 2; layers++) {
                            ModelSpec spec = ContractCases.model(enc, cell, layers, topology, loss);
                            for (TrainSpec train : new TrainSpec[] {TrainSpec.sgd(0.1, 3, 1, 0),
                                TrainSpec.adam(0.01, 3, 1, 0).withClipNorm(1)}) {
                                Optional<String> reason = backend.unsupportedReason(spec, train);
                                assertTrue(reason.isEmpty(), ContractCase.of(spec) + " with " + train.optimizer()
                                    + " must be supported, the backend says: " + reason.orElse(""));
                            }
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private boolean supported(Backend backend, ModelSpec spec, TrainSpec train) {
        Optional<String> reason = backend.unsupportedReason(spec, train);
        assertNotNull(reason, "unsupportedReason must return an Optional, not null");
        if (reason.isEmpty()) {
            return true;
        }
        String what = ContractCase.of(spec) + " with " + train;
        if (requiredSupport(spec, train)) {
            fail(what + " must be supported (every cell on many-to-one and many-to-many), the backend says: "
                + reason.get());
        }
        assertSentence(what, reason.get());
        assertThrows(IllegalArgumentException.class, () -> backend.create(spec, train, threads()),
            what + ": create must throw IllegalArgumentException when unsupportedReason gives a reason");
        return false;
    }

    private static boolean requiredSupport(ModelSpec spec, TrainSpec train) {
        boolean plain = train.tbptt() == 0;
        return plain && (spec.topology() == Topology.MANY_TO_ONE || spec.topology() == Topology.MANY_TO_MANY);
    }

    private void assertRefused(Backend backend, ModelSpec spec, TrainSpec train, String what) {
        Optional<String> reason = backend.unsupportedReason(spec, train);
        assertTrue(reason != null && reason.isPresent(), what + " must be refused with a reason");
        assertSentence(what, reason.get());
        assertThrows(IllegalArgumentException.class, () -> backend.create(spec, train, threads()),
            what + ": create must throw IllegalArgumentException");
    }

    /** A reason is a sentence: at least a few words, not a code or an empty string. */
    static void assertSentence(String what, String reason) {
        assertTrue(reason != null && reason.trim().length() >= 10 && reason.trim().contains(" "),
            what + ": the reason must be a sentence, got '" + reason + "'");
    }

    private static ReferenceModel referenceModel(ModelSpec spec, TrainSpec train, CanonicalWeights w) {
        ReferenceModel ref = new ReferenceModel(spec, train);
        ref.importWeights(w);
        return ref;
    }

    // outputs at valid target positions only; padding outputs are left open by the contract
    private static void assertOutputs(String what, float[] actual, ReferencePass pass, Sequences target,
                                      double tol) {
        double[][][] y = pass.outputs();
        int time = y[0].length;
        int o = y[0][0].length;
        assertEquals(y.length * time * o, actual.length, what + ": outputs must be (B, T_out, O)");
        double[] a = new double[actual.length];
        double[] e = new double[actual.length];
        for (int b = 0; b < y.length; b++) {
            for (int t = 0; t < target.lengths()[b]; t++) {
                for (int r = 0; r < o; r++) {
                    int i = (b * time + t) * o + r;
                    a[i] = actual[i];
                    e[i] = y[b][t][r];
                }
            }
        }
        Comparison.assertClose(what, a, e, tol);
    }
}
