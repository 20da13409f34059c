package org.rnnbench.core.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.BiConsumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.testkit.DefectiveBackend.Defect;

/**
 * The contract suite fails for wrong implementations: for each {@link Defect}, the check that should see it fails
 * with an assertion error on the defective backend, and passes on the reference (so the failure is the defect's).
 */
class ContractSuiteCatchesDefectsTest {

    static ContractSuite suiteOf(Backend backend) {
        return new ContractSuite() {
            @Override
            protected Backend backend() {
                return backend;
            }
        };
    }

    static ContractCase model(CellType cell, Topology topology, InputEncoding enc, LossType loss) {
        return ContractCase.of(ContractCases.model(enc, cell, 2, topology, loss));
    }

    static final InputEncoding DENSE = new InputEncoding.Dense(ContractCases.FEATURES);
    static final InputEncoding EMBED = new InputEncoding.Embedding(ContractCases.VOCAB, ContractCases.EMBED_DIM);

    /** The check that must catch a defect. */
    static BiConsumer<ContractSuite, Defect> checkFor(Defect defect) {
        return switch (defect) {
            case GATE_ORDER -> (s, d) -> s.checkModel(model(CellType.LSTM, Topology.MANY_TO_ONE, DENSE,
                LossType.MSE));
            case GRU_BIAS_FOLDED -> (s, d) -> s.checkModel(model(CellType.GRU, Topology.MANY_TO_MANY, DENSE,
                LossType.MSE));
            case ADAM_WITHOUT_BIAS_CORRECTION, RMSPROP_EPSILON_INSIDE_ROOT, CLIP_IGNORED, TBPTT_IGNORED, NOT_REPRODUCIBLE, THROWS_ON_NAN ->
                (s, d) -> s.checkTraining(model(CellType.LSTM, Topology.MANY_TO_MANY, EMBED, LossType.SOFTMAX_CE));
            case MASK_IGNORED -> (s, d) -> s.checkModel(model(CellType.RNN_TANH, Topology.MANY_TO_MANY, DENSE,
                LossType.SIGMOID_BCE));
            case READS_FIRST_STEP -> (s, d) -> s.checkModel(model(CellType.GRU, Topology.MANY_TO_ONE, EMBED,
                LossType.SOFTMAX_CE));
            case DECODER_FROM_PADDING -> (s, d) -> s.checkModel(model(CellType.LSTM, Topology.SEQ_TO_SEQ, EMBED,
                LossType.MSE));
            case LEARNING_RATE_OFF_BY_ONE_PERCENT -> (s, d) -> s.checkModel(model(CellType.RNN_RELU,
                Topology.MANY_TO_ONE, DENSE, LossType.MSE));
            case HIDDEN_NORMS_SHIFTED -> (s, d) -> s.checkModel(model(CellType.RNN_TANH, Topology.MANY_TO_MANY,
                DENSE, LossType.MSE));
            case PROBE_INPUT_GRADIENT_SCALED -> (s, d) -> s.checkProbe(new CellSpec(CellType.LSTM,
                ContractCases.FEATURES, ContractCases.HIDDEN, 2));
            case BLANK_REASON -> (s, d) -> s.checkModel(model(CellType.RNN_TANH, Topology.SEQ_TO_SEQ, DENSE,
                LossType.MSE));
            case USABLE_AFTER_CLOSE -> (s, d) -> s.checkClosed(CellType.GRU);
            case MODELS_SHARE_WEIGHTS -> (s, d) -> s.checkTwoThreads(CellType.LSTM);
        };
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void theSuiteFailsOnTheDefectAndPassesOnTheReference(Defect defect) {
        BiConsumer<ContractSuite, Defect> check = checkFor(defect);
        assertDoesNotThrow(() -> check.accept(suiteOf(new ReferenceBackend()), defect));
        assertThrows(AssertionError.class, () -> check.accept(suiteOf(new DefectiveBackend(defect)), defect),
            "the contract suite did not notice " + defect);
    }
}
