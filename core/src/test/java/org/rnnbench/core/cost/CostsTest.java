package org.rnnbench.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;

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
                long expected = g * (11 * 7 + 11 * 11 + 2 * 11) + (layers - 1) * g * (11 * 11 + 11 * 11 + 2 * 11);
                assertEquals(expected, Costs.parameters(spec), spec.id());
                assertEquals(ParameterLayout.of(spec).totalSize(), Costs.parameters(spec), spec.id());
            }
        }
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
