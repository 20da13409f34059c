package org.rnnbench.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.ParameterLayout;

/** The reference's training: update rules by hand, clipping, truncated BPTT, NaN, and optimizer resets. */
class ReferenceTrainingTest {
    static final ModelSpec M2M = ContractCases.model(new InputEncoding.Embedding(7, 4), CellType.LSTM, 2,
        Topology.MANY_TO_MANY, LossType.SOFTMAX_CE);

    /** A layout of four scalars (a 1x1 RNN stack), for optimizer arithmetic by hand. */
    static ReferenceWeights scalars(double... values) {
        ReferenceWeights w = ReferenceWeights.zeros(ParameterLayout.of(new CellSpec(CellType.RNN_TANH, 1, 1, 1)));
        int i = 0;
        for (double[] v : w.asMap().values()) {
            v[0] = values[i++];
        }
        return w;
    }

    static ReferenceModel adamModel(CanonicalWeights init) {
        ReferenceModel model = new ReferenceModel(M2M, TrainSpec.adam(0.01, 3, 1, 0));
        model.importWeights(init);
        return model;
    }

    static double[] values(ReferenceWeights w) {
        return w.asMap().values().stream().mapToDouble(v -> v[0]).toArray();
    }

    @Test
    void sgdSubtractsTheLearningRateTimesTheGradient() {
        ReferenceWeights p = scalars(1, 2, 3, 4);
        new ReferenceOptimizer(TrainSpec.sgd(0.1, 1, 1, 0)).update(p, scalars(0.5, -1, 0, 2));
        assertArrayEquals(new double[] {0.95, 2.1, 3, 3.8}, values(p), 1e-15);
    }

    @Test
    void adamFollowsPyTorchsFormWithBiasCorrectionOverTwoSteps() {
        ReferenceWeights p = scalars(1, 0, 0, 0);
        ReferenceOptimizer adam = new ReferenceOptimizer(TrainSpec.adam(0.1, 1, 1, 0));
        adam.update(p, scalars(0.5, 0, 0, 0));
        // m = 0.05, v = 0.00025; corrected: 0.5 and 0.25
        double p1 = 1 - 0.1 * 0.5 / (0.5 + 1e-8);
        assertEquals(p1, values(p)[0], 1e-15);
        assertEquals(0.0, values(p)[1], "a zero gradient moves nothing on the first step");
        adam.update(p, scalars(-1, 0, 0, 0));
        double m = 0.9 * 0.05 + 0.1 * -1;
        double v = 0.999 * 0.00025 + 0.001 * 1;
        double p2 = p1 - 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertEquals(p2, values(p)[0], 1e-15);
        assertEquals(2, adam.steps());
    }

    @Test
    void rmspropFollowsPyTorchsFormWithEpsilonOutsideTheRootOverTwoSteps() {
        ReferenceWeights p = scalars(1, 0, 2, 0);
        ReferenceOptimizer rmsprop = new ReferenceOptimizer(TrainSpec.rmsprop(0.1, 1, 1, 0));
        rmsprop.update(p, scalars(0.5, 0, 1e-9, 0));
        // v = 0.01 * 0.25 = 0.0025, sqrt 0.05: p -= 0.1 * 0.5 / 0.05 = 1; no bias correction
        double p1 = 1 - 0.1 * 0.5 / (0.05 + 1e-8);
        assertEquals(p1, values(p)[0], 1e-15);
        assertEquals(0.0, values(p)[1], "a zero gradient moves nothing");
        // a tiny gradient: sqrt(v) = 1e-10 is below eps, so eps (outside the root) dominates the denominator
        assertEquals(2 - 0.1 * 1e-9 / (1e-10 + 1e-8), values(p)[2], 1e-15);
        rmsprop.update(p, scalars(-1, 0, 0, 0));
        double v = 0.99 * 0.0025 + 0.01 * 1;
        assertEquals(p1 + 0.1 / (Math.sqrt(v) + 1e-8), values(p)[0], 1e-15);
        assertEquals(2, rmsprop.steps());
    }

    @Test
    void rmspropStepsMoveTheWeightsByTheRuleAppliedToFiniteDifferenceGradients() {
        ModelSpec spec = ContractCases.model(new InputEncoding.Dense(3), CellType.GRU, 1, Topology.MANY_TO_ONE,
            LossType.MSE);
        double lr = 0.01;
        ReferenceModel model = new ReferenceModel(spec, TrainSpec.rmsprop(lr, RandomBatches.BATCH, 2, 0));
        model.importWeights(Initializer.initialize(spec, Init.PYTORCH, 4));
        Batch batch = RandomBatches.of(spec, 5);
        ReferenceWeights expected = model.weights().copy();
        java.util.Map<String, double[]> v = new java.util.HashMap<>();
        for (int step = 0; step < 2; step++) {
            ReferenceWeights at = expected.copy();
            java.util.Map<String, double[]> g =
                FiniteDifferences.gradient(at, () -> model.network().forward(at, batch).loss());
            for (java.util.Map.Entry<String, double[]> e : expected.asMap().entrySet()) {
                double[] p = e.getValue();
                double[] gi = g.get(e.getKey());
                double[] vi = v.computeIfAbsent(e.getKey(), k -> new double[p.length]);
                for (int i = 0; i < p.length; i++) {
                    vi[i] = 0.99 * vi[i] + 0.01 * gi[i] * gi[i];
                    p[i] -= lr * gi[i] / (Math.sqrt(vi[i]) + 1e-8);
                }
            }
            model.trainStep(batch);
            for (String name : expected.asMap().keySet()) {
                double[] want = expected.get(name);
                double[] got = model.weights().get(name);
                double[] start = at.get(name);
                for (int i = 0; i < want.length; i++) {
                    // the first step moves each weight by ~ lr * 10: the rule, not the rounding, is checked
                    assertEquals(want[i], got[i], 1e-6 * lr, name + "[" + i + "] after RMSprop step " + (step + 1)
                        + " (moved " + (got[i] - start[i]) + ")");
                }
            }
        }
    }

    @Test
    void clippingScalesTheWholeGradientOnlyWhenItsNormIsAboveTheThreshold() {
        ReferenceWeights g = scalars(3, 0, 4, 0);
        new ReferenceOptimizer(TrainSpec.sgd(1, 1, 1, 0).withClipNorm(1)).clip(g);
        assertArrayEquals(new double[] {0.6, 0, 0.8, 0}, values(g), 1e-15);
        ReferenceWeights small = scalars(3, 0, 4, 0);
        new ReferenceOptimizer(TrainSpec.sgd(1, 1, 1, 0).withClipNorm(10)).clip(small);
        assertArrayEquals(new double[] {3, 0, 4, 0}, values(small), 0.0);
    }

    @Test
    void clippedStepMovesTheWeightsByExactlyTheClipNormTimesTheLearningRate() {
        ModelSpec spec = M2M;
        CanonicalWeights init = Initializer.initialize(spec, Init.PYTORCH, 5);
        Batch batch = RandomBatches.of(spec, 6);
        ReferenceModel model = new ReferenceModel(spec, TrainSpec.sgd(0.5, 3, 1, 0).withClipNorm(0.01));
        model.importWeights(init);
        ReferenceWeights before = model.weights().copy();
        model.trainStep(batch);
        double moved = 0;
        for (String name : before.asMap().keySet()) {
            for (int i = 0; i < before.get(name).length; i++) {
                double d = model.weights().get(name)[i] - before.get(name)[i];
                moved += d * d;
            }
        }
        assertEquals(0.5 * 0.01, Math.sqrt(moved), 1e-12);
    }

    @Test
    void truncationAsLongAsTheSequenceIsFullBptt() {
        CanonicalWeights init = Initializer.initialize(M2M, Init.PYTORCH, 1);
        Batch batch = RandomBatches.of(M2M, 2);
        ReferenceModel full = new ReferenceModel(M2M, TrainSpec.adam(0.01, 3, 1, 0));
        ReferenceModel whole = new ReferenceModel(M2M, TrainSpec.adam(0.01, 3, 1, 0).withTbptt(RandomBatches.TIME));
        full.importWeights(init);
        whole.importWeights(init);
        assertEquals(full.trainStep(batch), whole.trainStep(batch));
        assertEquals(full.exportWeights(), whole.exportWeights());
    }

    @Test
    void truncatedStepUpdatesOncePerSegmentFromTheCarriedStatesAndWeightsTheLossByCounts() {
        CanonicalWeights init = Initializer.initialize(M2M, Init.PYTORCH, 1);
        Batch batch = RandomBatches.of(M2M, 2);
        TrainSpec train = TrainSpec.adam(0.01, 3, 1, 0).withTbptt(4);
        ReferenceModel model = new ReferenceModel(M2M, train);
        model.importWeights(init);
        double loss = model.trainStep(batch);

        // the same by hand: segment [0, 4) from zero states, then [4, 6) from its final states
        ReferenceNetwork net = new ReferenceNetwork(M2M);
        ReferenceWeights w = ReferenceWeights.of(init);
        ReferenceOptimizer adam = new ReferenceOptimizer(train);
        ReferencePass first = net.forwardWindow(w, batch, 0, 4, null, null);
        double[][][] h = first.finalH();
        double[][][] c = first.finalC();
        adam.update(w, first.backward().gradients());
        ReferencePass second = net.forwardWindow(w, batch, 4, 6, h, c);
        adam.update(w, second.backward().gradients());
        assertTrue(second.count() > 0, "the batch must reach the second segment");
        double expected = (first.loss() * first.count() + second.loss() * second.count())
            / (first.count() + second.count());
        assertEquals(expected, loss, 1e-15);
        assertEquals(w.toCanonical(), model.exportWeights());
        assertEquals(2, adam.steps());

        ReferenceModel untruncated = new ReferenceModel(M2M, TrainSpec.adam(0.01, 3, 1, 0));
        untruncated.importWeights(init);
        untruncated.trainStep(batch);
        assertNotEquals(untruncated.exportWeights(), model.exportWeights(), "truncation must change the update");
    }

    @Test
    void nanWeightsGiveNanLossesWithoutThrowing() {
        CanonicalWeights init = Initializer.initialize(M2M, Init.PYTORCH, 1).copy();
        init.data("weight_hh_l0")[3] = Float.NaN;
        Batch batch = RandomBatches.of(M2M, 2);
        ReferenceModel model = new ReferenceModel(M2M, TrainSpec.adam(0.01, 3, 1, 0).withClipNorm(1));
        model.importWeights(init);
        assertTrue(Double.isNaN(model.forward(batch).loss()));
        assertTrue(Double.isNaN(model.trainStep(batch)));
        assertTrue(Double.isNaN(model.trainStep(batch)));
    }

    @Test
    void importResetsAdamSoTheNextStepIsAFirstStep() {
        CanonicalWeights init = Initializer.initialize(M2M, Init.PYTORCH, 1);
        Batch batch = RandomBatches.of(M2M, 2);
        ReferenceModel used = adamModel(init);
        used.trainStep(batch);
        used.trainStep(batch);
        used.importWeights(init);
        used.trainStep(batch);
        ReferenceModel fresh = adamModel(init);
        fresh.trainStep(batch);
        assertEquals(fresh.exportWeights(), used.exportWeights());
    }

    @Test
    void truncatedBpttOnManyToOneIsRefusedWithAReason() {
        ModelSpec m2o = M2M.withCell(CellType.GRU);
        m2o = new ModelSpec(m2o.encoding(), m2o.cell(), m2o.hiddenSize(), m2o.layers(), Topology.MANY_TO_ONE,
            m2o.outputs(), m2o.loss());
        TrainSpec tbptt = TrainSpec.sgd(0.1, 3, 1, 0).withTbptt(2);
        ReferenceBackend backend = new ReferenceBackend();
        assertTrue(backend.unsupportedReason(m2o, tbptt).isPresent());
        ModelSpec spec = m2o;
        assertThrows(IllegalArgumentException.class, () -> backend.create(spec, tbptt, 1));
        assertTrue(backend.unsupportedReason(M2M, tbptt).isEmpty());
    }

    @Test
    void gradientsAndForwardChangeNothing() {
        CanonicalWeights init = Initializer.initialize(M2M, Init.PYTORCH, 1);
        Batch batch = RandomBatches.of(M2M, 2);
        ReferenceModel model = adamModel(init);
        double loss = model.forward(batch).loss();
        model.gradients(batch);
        model.hiddenGradientNorms(batch);
        assertEquals(init, model.exportWeights());
        assertEquals(loss, model.forward(batch).loss());
        assertEquals(loss, model.trainStep(batch), "trainStep returns the loss before its update");
    }
}
