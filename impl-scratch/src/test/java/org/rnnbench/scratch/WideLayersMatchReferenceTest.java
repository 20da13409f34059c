package org.rnnbench.scratch;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.Comparison;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.testkit.ReferenceModel;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;

/**
 * Sizes the contract grid does not reach, against the testkit's double-precision reference: inputs and hidden
 * sizes of a vector or more (the weight gradients then take one product per gate row), hidden sizes that are and
 * are not a multiple of the vector length (padded rows), and two threads splitting the hidden units unevenly.
 */
class WideLayersMatchReferenceTest {
    private static final double TOLERANCE = 1e-4;

    static List<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (int hidden : new int[] {16, 20, 40}) {
                for (int threads = 1; threads <= 2; threads++) {
                    list.add(Arguments.of(new ModelSpec(new InputEncoding.Dense(10), cell, hidden, 2,
                        Topology.MANY_TO_MANY, 3, LossType.MSE), threads));
                    list.add(Arguments.of(new ModelSpec(new InputEncoding.Embedding(9, 12), cell, hidden, 2,
                        Topology.SEQ_TO_SEQ, 9, LossType.SOFTMAX_CE), threads));
                }
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} on {1} thread(s)")
    @MethodSource("cases")
    void lossGradientsNormsAndAnAdamStepMatchTheReference(ModelSpec spec, int threads) {
        TrainSpec train = TrainSpec.adam(0.01, 4, 1, 5).withClipNorm(0.5);
        CanonicalWeights w = Initializer.initialize(spec, Init.PYTORCH, 5);
        Batch batch = RandomBatches.of(spec, 4, 7, 6, 9);
        String what = spec.cell() + " " + spec.topology() + " H=" + spec.hiddenSize() + " threads=" + threads;
        ReferenceModel ref = new ReferenceModel(spec, train);
        ref.importWeights(w);
        try (SequenceModel m = new ScratchBackend().create(spec, train, threads)) {
            m.importWeights(w);
            Comparison.assertClose(what + ": loss", m.forward(batch).loss(), ref.forward(batch).loss(), TOLERANCE);
            Comparison.assertClose(what + ": gradients", m.gradients(batch).gradients(),
                ref.gradients(batch).gradients(), TOLERANCE);
            Comparison.assertClose(what + ": dL/dh norms", m.hiddenGradientNorms(batch),
                ref.hiddenGradientNorms(batch), TOLERANCE);
            Comparison.assertClose(what + ": clipped Adam step loss", m.trainStep(batch), ref.trainStep(batch),
                TOLERANCE);
            Comparison.assertEquivalent(what + ": weights after the step", m.exportWeights(), ref.exportWeights(),
                spec.cell(), TOLERANCE);
        }
    }
}
