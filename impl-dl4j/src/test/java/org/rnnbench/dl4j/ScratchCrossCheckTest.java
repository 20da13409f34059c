package org.rnnbench.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.Comparison;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.scratch.ScratchBackend;

/**
 * The same canonical weights in {@code scratch} and {@code dl4j} (both float32) give the same outputs, gradients,
 * dL/dh_t curves, and weights after one SGD step and after one Adam step, within 1e-4 relative per tensor
 * ({@link Comparison}); scratch's values are the expected ones. Every cell, on a 2-layer many-to-many model with
 * dense input (classic layers for RNN and LSTM) and a many-to-one model with an embedding, at sizes above the
 * contract suite's and with one output and one hidden unit, each with a batch of several sequences and a batch of
 * one (where SameDiff's products and slices have their own bugs).
 */
class ScratchCrossCheckTest {
    private static final double TOLERANCE = 1e-4;
    private static final int TIME = 9;

    private final Backend scratch = new ScratchBackend();
    private final Backend dl4j = new Dl4jBackend();

    static List<Arguments> models() {
        List<Arguments> list = new ArrayList<>();
        for (int batch : new int[] {4, 1}) {
            for (CellType cell : CellType.values()) {
                list.add(Arguments.of(new ModelSpec(new InputEncoding.Dense(5), cell, 12, 2, Topology.MANY_TO_MANY, 3,
                    LossType.MSE), batch));
                list.add(Arguments.of(new ModelSpec(new InputEncoding.Embedding(11, 6), cell, 10, 1,
                    Topology.MANY_TO_ONE, 4, LossType.SOFTMAX_CE), batch));
                list.add(Arguments.of(new ModelSpec(new InputEncoding.Dense(2), cell, 8, 1, Topology.MANY_TO_ONE, 1,
                    LossType.MSE), batch));
                list.add(Arguments.of(new ModelSpec(new InputEncoding.Dense(2), cell, 1, 1, Topology.MANY_TO_ONE, 1,
                    LossType.MSE), batch));
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("models")
    void outputsGradientsHiddenNormsAndOneStepOfEachOptimizerAgree(ModelSpec spec, int batchSize) {
        String what = spec.cell().id() + " " + spec.topology().id() + " batch " + batchSize;
        CanonicalWeights w = Initializer.initialize(spec, Init.PYTORCH, 21);
        Batch batch = RandomBatches.of(spec, batchSize, TIME, TIME, 22);
        TrainSpec sgd = TrainSpec.sgd(0.3, batchSize, 1, 23);
        try (SequenceModel expected = scratch.create(spec, sgd, 1); SequenceModel actual = dl4j.create(spec, sgd, 1)) {
            expected.importWeights(w);
            actual.importWeights(w);
            ForwardResult fe = expected.forward(batch);
            ForwardResult fa = actual.forward(batch);
            Comparison.assertClose(what + ": loss", fa.loss(), fe.loss(), TOLERANCE);
            Comparison.assertClose(what + ": outputs", valid(fa.outputs(), batch.target(), spec.outputs()),
                valid(fe.outputs(), batch.target(), spec.outputs()), TOLERANCE);
            Comparison.assertClose(what + ": gradients", actual.gradients(batch).gradients(),
                expected.gradients(batch).gradients(), TOLERANCE);
            Comparison.assertClose(what + ": dL/dh_t norms", actual.hiddenGradientNorms(batch),
                expected.hiddenGradientNorms(batch), TOLERANCE);
            Comparison.assertClose(what + ": SGD step loss", actual.trainStep(batch), expected.trainStep(batch),
                TOLERANCE);
            Comparison.assertEquivalent(what + ": weights after an SGD step", actual.exportWeights(),
                expected.exportWeights(), spec.cell(), TOLERANCE);
        }
        TrainSpec adam = TrainSpec.adam(0.01, batchSize, 1, 23);
        try (SequenceModel expected = scratch.create(spec, adam, 1); SequenceModel actual = dl4j.create(spec, adam, 1)) {
            expected.importWeights(w);
            actual.importWeights(w);
            Comparison.assertClose(what + ": Adam step loss", actual.trainStep(batch), expected.trainStep(batch),
                TOLERANCE);
            Comparison.assertEquivalent(what + ": weights after an Adam step", actual.exportWeights(),
                expected.exportWeights(), spec.cell(), TOLERANCE);
        }
    }

    // the (B, T_out, O) outputs with padding positions zeroed: the contract leaves their values open
    private static float[] valid(float[] outputs, Sequences target, int o) {
        float[] v = new float[outputs.length];
        for (int b = 0; b < target.batch(); b++) {
            int from = b * target.time() * o;
            System.arraycopy(outputs, from, v, from, target.lengths()[b] * o);
        }
        assertEquals(target.batch() * target.time() * o, outputs.length, "outputs must be (B, T_out, O)");
        return v;
    }
}
