package org.rnnbench.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * Every call scopes its arrays: after any number of train steps, forwards, gradients and hidden-gradient probes,
 * the model's manager holds exactly the parameters and Adam's two moments per parameter. An operation whose first
 * operand is long-lived and whose result is not moved into the call's scope would add arrays here every step.
 */
class ScopedMemoryTest {

    static Stream<Arguments> cases() {
        ModelSpec seq2seq = new ModelSpec(new InputEncoding.Embedding(7, 4), CellType.LSTM, 5, 2,
            Topology.SEQ_TO_SEQ, 4, LossType.SOFTMAX_CE);
        ModelSpec manyToMany = new ModelSpec(new InputEncoding.OneHot(7), CellType.GRU, 5, 2, Topology.MANY_TO_MANY,
            3, LossType.SIGMOID_BCE);
        TrainSpec adam = TrainSpec.adam(0.01, RandomBatches.BATCH, 10, 1).withClipNorm(0.1);
        return Stream.of(new DjlBackend(), new DjlUnrolledBackend()).flatMap(b -> Stream.of(
            Arguments.of(b, seq2seq, adam), Arguments.of(b, manyToMany, adam.withTbptt(2))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theModelsManagerHoldsOnlyParametersAndMomentsAfterManyCalls(Backend backend, ModelSpec spec,
                                                                       TrainSpec train) {
        int parameters = ParameterLayout.of(spec).parameters().size();
        try (DjlModel m = (DjlModel) backend.create(spec, train, 1)) {
            m.importWeights(Initializer.initialize(spec, Init.PYTORCH, 3));
            assertEquals(parameters, m.liveArrays(), "after import: the parameters only");
            for (int step = 0; step < 12; step++) {
                Batch batch = RandomBatches.of(spec, step);
                m.trainStep(batch);
                m.forward(batch);
                m.gradients(batch);
                m.hiddenGradientNorms(batch);
                assertEquals(3 * parameters, m.liveArrays(), "after call round " + step
                    + ": parameters and Adam's m and v, nothing else");
            }
            m.importWeights(Initializer.initialize(spec, Init.PYTORCH, 4));
            assertEquals(parameters, m.liveArrays(), "a new import resets Adam and frees its moments");
        }
    }
}
