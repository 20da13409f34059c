package org.rnnbench.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;

/** Parameter counts and FLOP formulas. */
class CostsTest {

    @Test
    void oneLstmLayerWithThreeInputsAndSixteenUnitsHas1344Parameters() {
        CellSpec lstm = new CellSpec(CellType.LSTM, 3, 16, 1);
        assertEquals(1344, Costs.parameters(lstm));
        assertEquals(1344, ParameterLayout.of(lstm).totalSize());
    }

    @Test
    void theFormulaEqualsTheLayoutSizeForEveryCellAndDepth() {
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                CellSpec spec = new CellSpec(cell, 7, 11, layers);
                long g = cell.gates();
                long expected = cell.hasRecurrentWeights()
                    ? g * (11 * 7 + 11 * 11 + 2 * 11) + (layers - 1) * g * (11 * 11 + 11 * 11 + 2 * 11)
                    : g * (11 * 7 + 11) + (layers - 1) * g * (11 * 11 + 11);
                assertEquals(expected, Costs.parameters(spec), spec.id());
                assertEquals(ParameterLayout.of(spec).totalSize(), Costs.parameters(spec), spec.id());
            }
        }
    }

    @Test
    void theMinimalCellsHaveInputWeightsAndOneBiasOnly() {
        // minGRU, I = 3, H = 16: W (2*16, 3) + b (2*16); minLSTM: W (3*16, 3) + b (3*16)
        assertEquals(2 * 16 * 3 + 2 * 16, Costs.parameters(new CellSpec(CellType.MIN_GRU, 3, 16, 1)));
        assertEquals(3 * 16 * 3 + 3 * 16, Costs.parameters(new CellSpec(CellType.MIN_LSTM, 3, 16, 1)));
        assertEquals(List.of("weight_ih_l0", "bias_ih_l0", "weight_ih_l1", "bias_ih_l1"),
            ParameterLayout.of(new CellSpec(CellType.MIN_LSTM, 3, 16, 2)).parameters().stream()
                .map(ParameterShape::name).toList());
    }

    @Test
    void theMinimalCellsCountOnlyTheInputProductsAsFlops() {
        CellSpec minGru = new CellSpec(CellType.MIN_GRU, 32, 128, 2);
        assertEquals(2.0 * 32 * 2 * 128 * (32 + 128), Costs.stepFlops(minGru, 32));
        CellSpec minLstm = new CellSpec(CellType.MIN_LSTM, 32, 128, 1);
        assertEquals(2.0 * 32 * 3 * 128 * 32, Costs.stepFlops(minLstm, 32));
    }

    @Test
    void aModelCountsEmbeddingBothStacksAndTheHead() {
        ModelSpec m = new ModelSpec(new InputEncoding.Embedding(20, 6), CellType.GRU, 8, 2, Topology.SEQ_TO_SEQ, 5,
            LossType.SOFTMAX_CE);
        long expected = 20 * 6 + 2 * Costs.parameters(m.cellSpec()) + 5 * 8 + 5;
        assertEquals(expected, Costs.parameters(m));
        assertEquals(ParameterLayout.of(m).totalSize(), Costs.parameters(m));
    }

    @Test
    void flopsCountTwoPerMultiplyAddAndTrainingThreeTimesForward() {
        CellSpec lstm = new CellSpec(CellType.LSTM, 32, 128, 1);
        assertEquals(2.0 * 32 * 4 * 128 * (32 + 128), Costs.stepFlops(lstm, 32));
        ModelSpec m = new ModelSpec(new InputEncoding.Dense(32), CellType.LSTM, 128, 1, Topology.MANY_TO_ONE, 1,
            LossType.MSE);
        double forward = 100 * Costs.stepFlops(lstm, 32) + 2.0 * 32 * 1 * 1 * 128;
        assertEquals(forward, Costs.forwardFlops(m, 32, 100, 1));
        assertEquals(3 * forward, Costs.trainFlops(m, 32, 100, 1));
    }
}
