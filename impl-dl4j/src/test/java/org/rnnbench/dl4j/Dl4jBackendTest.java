package org.rnnbench.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.dl4j.Dl4jBackend.Path;
import org.slf4j.LoggerFactory;

/** Routing, discovery, provenance, parameter counts and quiet output of the dl4j backends. */
class Dl4jBackendTest {
    private static final TrainSpec SGD = TrainSpec.sgd(0.1, 3, 1, 0);

    private static ModelSpec model(CellType cell, InputEncoding enc, Topology topology) {
        return new ModelSpec(enc, cell, 16, 1, topology, 1, LossType.MSE);
    }

    @Test
    void classicLayersRunRnnAndLstmWhereTheyAreExactAndSameDiffTheRest() {
        InputEncoding dense = new InputEncoding.Dense(3);
        InputEncoding embed = new InputEncoding.Embedding(7, 4);
        for (CellType cell : new CellType[] {CellType.RNN_TANH, CellType.RNN_RELU, CellType.LSTM}) {
            for (Topology t : new Topology[] {Topology.ONE_TO_ONE, Topology.ONE_TO_MANY, Topology.MANY_TO_ONE,
                Topology.MANY_TO_MANY}) {
                assertEquals(Path.CLASSIC, Dl4jBackend.path(model(cell, dense, t), SGD), cell + " " + t);
            }
            assertEquals(Path.SAMEDIFF, Dl4jBackend.path(model(cell, dense, Topology.SEQ_TO_SEQ), SGD));
            assertEquals(Path.SAMEDIFF, Dl4jBackend.path(model(cell, embed, Topology.ONE_TO_MANY), SGD));
            assertEquals(Path.CLASSIC, Dl4jBackend.path(model(cell, embed, Topology.MANY_TO_MANY), SGD));
            assertEquals(Path.SAMEDIFF, Dl4jBackend.path(model(cell, dense, Topology.MANY_TO_MANY),
                SGD.withTbptt(4)), "classic truncated BPTT has wrong gradients");
        }
        for (Topology t : Topology.values()) {
            for (CellType cell : new CellType[] {CellType.GRU, CellType.MIN_GRU, CellType.MIN_LSTM}) {
                assertEquals(Path.SAMEDIFF, Dl4jBackend.path(model(cell, dense, t), SGD), cell + " " + t);
            }
        }
    }

    @Test
    void bothBackendsAreFoundByIdWithTheirLibraryVersions() {
        assertTrue(Backends.get("dl4j") instanceof Dl4jBackend);
        assertTrue(Backends.get("dl4j:fused-gru") instanceof FusedGruBackend);
        assertEquals("1.0.0-M2.1", new Dl4jBackend().versions().get("deeplearning4j"));
        assertEquals("1.0.0-M2.1", new Dl4jBackend().versions().get("nd4j-native"));
        assertFalse(new Dl4jBackend().versions().containsValue("unknown"), new Dl4jBackend().versions().toString());
    }

    @Test
    void nativeCountsHoldOneBiasPerClassicLayerAndTwoInSameDiff() {
        // LSTM I=3 H=16: PyTorch 4*16*(3+16) + 2*64 = 1344 per layer, DL4J one bias: 1280; head 16 + 1
        ModelSpec lstm = model(CellType.LSTM, new InputEncoding.Dense(3), Topology.MANY_TO_ONE);
        try (SequenceModel m = new Dl4jBackend().create(lstm, SGD, 1)) {
            assertEquals(1344 + 17, m.canonicalParameterCount());
            assertEquals(1280 + 17, m.nativeParameterCount());
        }
        try (SequenceModel m = new Dl4jBackend().create(lstm.withCell(CellType.GRU), SGD, 1)) {
            assertEquals(m.canonicalParameterCount(), m.nativeParameterCount(), "the unrolled GRU holds both biases");
        }
        try (SequenceModel m = new Dl4jBackend().create(model(CellType.RNN_TANH, new InputEncoding.Dense(3),
            Topology.SEQ_TO_SEQ), SGD, 1)) {
            assertEquals(m.canonicalParameterCount(), m.nativeParameterCount(), "SameDiff holds canonical tensors");
        }
    }

    @Test
    void modelsOfOneSpecShareGraphsButNeverWeights() {
        ModelSpec gru = new ModelSpec(new InputEncoding.Dense(2), CellType.GRU, 4, 1, Topology.MANY_TO_MANY, 1,
            LossType.MSE);
        Batch batch = RandomBatches.of(gru, 2, 3, 1, 7);
        try (SequenceModel a = new Dl4jBackend().create(gru, SGD, 1);
             SequenceModel b = new Dl4jBackend().create(gru, SGD, 1)) {
            a.importWeights(Initializer.initialize(gru, Init.PYTORCH, 1));
            CanonicalWeights wb = Initializer.initialize(gru, Init.PYTORCH, 2);
            b.importWeights(wb);
            double before = b.forward(batch).loss();
            double aBefore = a.forward(batch).loss();
            a.trainStep(batch);
            assertEquals(before, b.forward(batch).loss(), 0.0, "training a changed b's loss");
            assertEquals(wb, b.exportWeights(), "training a changed b's weights");
            assertNotEquals(aBefore, a.forward(batch).loss(), "a's update is not seen by its forward pass");
        }
    }

    @Test
    void nd4jStartUpLoggingIsOffAndGradientGraphsPrintNothing() {
        assertFalse(LoggerFactory.getLogger("org.nd4j.linalg.factory.Nd4jBackend").isInfoEnabled(),
            "slf4j-simple must be at warn (simplelogger.properties): ND4J logs its banner at info");
        assertFalse(LoggerFactory.getLogger("org.nd4j.linalg.cpu.nativecpu.CpuNDArrayFactory").isInfoEnabled());
        // a shape no other test uses, so that its gradient function is built here
        ModelSpec gru = new ModelSpec(new InputEncoding.Dense(2), CellType.GRU, 3, 1, Topology.MANY_TO_ONE, 1,
            LossType.MSE);
        Batch batch = RandomBatches.of(gru, 2, 3, 1, 5);
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (SequenceModel m = new Dl4jBackend().create(gru, SGD, 1)) {
            m.importWeights(Initializer.initialize(gru, Init.PYTORCH, 1));
            m.trainStep(batch);
        } finally {
            System.setOut(out);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "building a gradient graph printed to stdout");
    }
}
