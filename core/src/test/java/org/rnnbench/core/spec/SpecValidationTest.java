package org.rnnbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The spec records reject bad values with a message naming the field, the value and what would be right. */
class SpecValidationTest {

    static void rejects(Executable make, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void cellSpecRejectsBadSizes() {
        rejects(() -> new CellSpec(CellType.LSTM, 3, 0, 1), "hidden size", "[1, 32768]", "got 0");
        rejects(() -> new CellSpec(CellType.LSTM, 0, 4, 1), "input size", "got 0");
        rejects(() -> new CellSpec(CellType.LSTM, 3, 4, 0), "layers", "[1, 64]", "got 0");
        rejects(() -> new CellSpec(null, 3, 4, 1), "cell is missing");
        rejects(() -> new CellSpec(CellType.GRU, 3, 4, 2).layerInputSize(2), "layer", "[0, 1]", "got 2");
        CellSpec ok = new CellSpec(CellType.GRU, 3, 4, 2);
        assertEquals(3, ok.layerInputSize(0));
        assertEquals(4, ok.layerInputSize(1));
        assertEquals(12, ok.gateRows());
        assertEquals("gru[hidden=4,layers=2]", ok.id());
    }

    @Test
    void encodingsRejectEmptySizes() {
        rejects(() -> new InputEncoding.Dense(0), "features", "got 0");
        rejects(() -> new InputEncoding.OneHot(-3), "vocab", "got -3");
        rejects(() -> new InputEncoding.Embedding(10, 0), "embedding dim", "got 0");
        assertEquals("embed65x32", new InputEncoding.Embedding(65, 32).id());
    }

    @Test
    void modelSpecRejectsBadOutputsAndCombinations() {
        InputEncoding dense = new InputEncoding.Dense(2);
        rejects(() -> new ModelSpec(dense, CellType.RNN_TANH, 4, 1, Topology.MANY_TO_ONE, 1, LossType.SOFTMAX_CE),
            "softmax cross-entropy needs at least 2 output classes, got 1");
        rejects(() -> new ModelSpec(dense, CellType.RNN_TANH, 4, 1, Topology.MANY_TO_ONE, 0, LossType.MSE),
            "outputs", "got 0");
        rejects(() -> new ModelSpec(dense, CellType.RNN_TANH, 4, 1, null, 1, LossType.MSE), "topology is missing");
        rejects(() -> new ModelSpec(dense, CellType.RNN_TANH, -1, 1, Topology.MANY_TO_ONE, 1, LossType.MSE),
            "hidden size", "got -1");
    }

    @Test
    void trainSpecRejectsBadNumbers() {
        rejects(() -> TrainSpec.sgd(0, 1, 1, 0), "learning rate", "above 0", "got 0.0");
        rejects(() -> TrainSpec.sgd(Double.NaN, 1, 1, 0), "learning rate", "got NaN");
        rejects(() -> TrainSpec.sgd(Double.POSITIVE_INFINITY, 1, 1, 0), "learning rate", "finite");
        rejects(() -> TrainSpec.sgd(0.1, 1, 1, 0).withClipNorm(-1), "clip norm", "got -1.0");
        rejects(() -> TrainSpec.sgd(0.1, 1, 1, 0).withTbptt(-2), "truncated BPTT length", "got -2");
        rejects(() -> TrainSpec.sgd(0.1, 0, 1, 0), "batch size", "got 0");
        rejects(() -> TrainSpec.adam(0.1, 1, -1, 0), "steps", "got -1");
        rejects(() -> new TrainSpec(null, 0.1, 0, 0, 1, 1, 0), "optimizer is missing");
    }

    @Test
    void truncatedBpttIsIncompatibleOutsideManyToMany() {
        ModelSpec m2o = new ModelSpec(new InputEncoding.Dense(2), CellType.LSTM, 4, 1, Topology.MANY_TO_ONE, 1,
            LossType.MSE);
        TrainSpec tbptt = TrainSpec.sgd(0.1, 1, 1, 0).withTbptt(5);
        assertTrue(tbptt.incompatibility(m2o).contains("many-to-many"), tbptt.incompatibility(m2o));
        ModelSpec m2m = new ModelSpec(m2o.encoding(), m2o.cell(), 4, 1, Topology.MANY_TO_MANY, 1, LossType.MSE);
        assertNull(tbptt.incompatibility(m2m));
        assertNull(TrainSpec.sgd(0.1, 1, 1, 0).incompatibility(m2o));
    }

    @Test
    void parsersNameTheKnownIds() {
        assertEquals(CellType.RNN_TANH, CellType.parse("rnn"));
        assertEquals(CellType.RNN_RELU, CellType.parse("RNN_RELU"));
        assertEquals(CellType.GRU, CellType.parse(" gru "));
        rejects(() -> CellType.parse("lstmx"), "unknown cell 'lstmx'", "rnn-tanh, rnn-relu, lstm, gru");
        assertEquals(Optimizer.ADAM, Optimizer.parse("Adam"));
        assertEquals(Optimizer.RMSPROP, Optimizer.parse(" RMSprop "));
        rejects(() -> Optimizer.parse("adagrad"), "unknown optimizer 'adagrad'", "sgd, adam, rmsprop");
    }

    @Test
    void gateCountsAndCellStates() {
        assertEquals(1, CellType.RNN_TANH.gates());
        assertEquals(1, CellType.RNN_RELU.gates());
        assertEquals(4, CellType.LSTM.gates());
        assertEquals(3, CellType.GRU.gates());
        assertTrue(CellType.LSTM.hasCellState());
        assertTrue(!CellType.GRU.hasCellState());
    }
}
