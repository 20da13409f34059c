package org.rnnbench.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
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
import org.rnnbench.core.testkit.ContractCase;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;

/**
 * The same canonical weights in {@code scratch}, {@code djl} and {@code djl:unrolled} give the same outputs, loss,
 * gradients, dL/dh_t curves, and weights after one SGD step, one SGD step clipped to a quarter of the gradient's
 * norm, and one Adam step with the same clipping, within 1e-4 relative ({@link Comparison}: per tensor, max
 * difference over max magnitude). {@code scratch} is the expected side. Every cell, on models a little larger than
 * the contract suite's (H = 16, B = 4, T = 12, variable lengths).
 *
 * <p>Adam runs at PyTorch's default learning rate, 1e-3. Its first step moves every weight by about
 * {@code lr * g/(|g| + eps)}, so a gradient component near eps (1e-8) turns the float32 rounding of that component
 * into a visible part of a step: at lr 0.05 such components put both scratch and djl 2e-4 away from the
 * double-precision reference on the encoder-decoder ReLU RNN. At 1e-3 the worst case here is 1.5e-5, while an
 * update wrong by 3% of a step still fails.
 */
class ScratchCrossCheckTest {
    private static final double TOLERANCE = 1e-4;
    private static final int HIDDEN = 16;
    private static final int BATCH = 4;
    private static final int TIME = 12;
    private static final int OUT_TIME = 7;

    static List<ContractCase> cases() {
        List<ContractCase> list = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            list.add(ContractCase.of(new ModelSpec(new InputEncoding.Embedding(11, 6), cell, HIDDEN, 2,
                Topology.MANY_TO_MANY, 9, LossType.SOFTMAX_CE)));
            list.add(ContractCase.of(new ModelSpec(new InputEncoding.Dense(5), cell, HIDDEN, 1, Topology.MANY_TO_ONE,
                3, LossType.MSE)));
            list.add(ContractCase.of(new ModelSpec(new InputEncoding.OneHot(8), cell, HIDDEN, 2, Topology.SEQ_TO_SEQ,
                6, LossType.SIGMOID_BCE)));
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void djlAndUnrolledMatchScratchOnTheSameWeights(ContractCase c) {
        ModelSpec spec = c.model();
        CanonicalWeights w = Initializer.initialize(spec, Init.PYTORCH, c.seed());
        Batch batch = RandomBatches.of(spec, BATCH, TIME, OUT_TIME, c.seed() + 1);
        Backend scratch = Backends.get("scratch");
        TrainSpec sgd = TrainSpec.sgd(0.5, BATCH, 1, c.seed());
        double clip = norm(scratch, spec, sgd, w, batch) / 4;
        List<TrainSpec> steps = List.of(sgd, sgd.withClipNorm(clip),
            TrainSpec.adam(1e-3, BATCH, 1, c.seed()).withClipNorm(clip));
        Results expected = results(scratch, spec, steps, w, batch);
        for (String id : List.of(DjlBackend.ID, DjlUnrolledBackend.ID)) {
            String what = id + " vs scratch, " + c;
            Results actual = results(Backends.get(id), spec, steps, w, batch);
            Comparison.assertClose(what + ": loss", actual.forward.loss(), expected.forward.loss(), TOLERANCE);
            Comparison.assertClose(what + ": outputs at valid positions", valid(actual.forward, batch.target()),
                valid(expected.forward, batch.target()), TOLERANCE);
            Comparison.assertClose(what + ": gradients", actual.gradients.gradients(),
                expected.gradients.gradients(), TOLERANCE);
            assertEquals(expected.hiddenNorms.length, actual.hiddenNorms.length, what + ": dL/dh_t steps");
            Comparison.assertClose(what + ": dL/dh_t norms", actual.hiddenNorms, expected.hiddenNorms, TOLERANCE);
            for (int i = 0; i < steps.size(); i++) {
                Comparison.assertEquivalent(what + ": weights after one step of " + steps.get(i),
                    actual.afterStep.get(i), expected.afterStep.get(i), spec.cell(), TOLERANCE);
            }
        }
    }

    private record Results(ForwardResult forward, GradientResult gradients, double[] hiddenNorms,
                           List<CanonicalWeights> afterStep) {
    }

    // forward, gradients and hidden-state norms of the first train spec's model, then one step of each
    private static Results results(Backend backend, ModelSpec spec, List<TrainSpec> steps, CanonicalWeights w,
                                   Batch batch) {
        ForwardResult forward;
        GradientResult gradients;
        double[] norms;
        List<CanonicalWeights> after = new ArrayList<>();
        try (SequenceModel m = backend.create(spec, steps.get(0), 1)) {
            m.importWeights(w);
            forward = m.forward(batch);
            gradients = m.gradients(batch);
            norms = m.hiddenGradientNorms(batch);
        }
        for (TrainSpec train : steps) {
            try (SequenceModel m = backend.create(spec, train, 1)) {
                m.importWeights(w);
                m.trainStep(batch);
                after.add(m.exportWeights());
            }
        }
        return new Results(forward, gradients, norms, after);
    }

    // the global norm of the gradient
    private static double norm(Backend backend, ModelSpec spec, TrainSpec train, CanonicalWeights w, Batch batch) {
        try (SequenceModel m = backend.create(spec, train, 1)) {
            m.importWeights(w);
            double sum = 0;
            for (float g : m.gradients(batch).gradients().flatten()) {
                sum += (double) g * g;
            }
            return Math.sqrt(sum);
        }
    }

    // the outputs at valid target positions, zero elsewhere (padding outputs are left open by the contract)
    private static float[] valid(ForwardResult r, Sequences target) {
        float[] out = new float[r.outputs().length];
        int width = out.length / (target.batch() * target.time());
        for (int b = 0; b < target.batch(); b++) {
            int from = b * target.time() * width;
            System.arraycopy(r.outputs(), from, out, from, target.lengths()[b] * width);
        }
        return out;
    }
}
