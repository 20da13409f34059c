package org.rnnbench.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.RandomBatches;

/** Lookup, versions, support and parameter counts of both DJL backends. */
class DjlBackendTest {
    private static final List<Backend> BOTH = List.of(new DjlBackend(), new DjlUnrolledBackend());

    @Test
    void serviceLoaderFindsBothIds() {
        assertInstanceOf(DjlBackend.class, Backends.get("djl"));
        assertInstanceOf(DjlUnrolledBackend.class, Backends.get("djl:unrolled"));
    }

    @Test
    void versionsAreThePinnedOnes() {
        assertEquals("0.36.0", new DjlBackend().versions().get("djl"));
        assertEquals("2.7.1", new DjlBackend().versions().get("pytorch"));
    }

    @Test
    void everyCellTopologyAndEncodingIsSupportedWithAndWithoutTruncation() {
        TrainSpec plain = TrainSpec.adam(0.01, 4, 1, 0).withClipNorm(1);
        for (Backend backend : BOTH) {
            for (CellType cell : CellType.values()) {
                for (Topology topology : Topology.values()) {
                    for (InputEncoding enc : List.of(new InputEncoding.Dense(2), new InputEncoding.OneHot(5),
                        new InputEncoding.Embedding(5, 3))) {
                        ModelSpec spec = new ModelSpec(enc, cell, 4, 2, topology, 3, LossType.SIGMOID_BCE);
                        assertTrue(backend.unsupportedReason(spec, plain).isEmpty(), backend.id() + " " + spec);
                        TrainSpec truncated = plain.withTbptt(3);
                        assertEquals(topology != Topology.MANY_TO_MANY,
                            backend.unsupportedReason(spec, truncated).isPresent(),
                            backend.id() + " " + spec + " with truncation: only the train spec's own refusal");
                    }
                }
            }
        }
    }

    @Test
    void nativeParameterCountIsDjlsOwnAndEqualsTheCanonicalCount() {
        TrainSpec sgd = TrainSpec.sgd(0.1, 2, 1, 0);
        for (Backend backend : BOTH) {
            for (CellType cell : CellType.values()) {
                ModelSpec spec = new ModelSpec(new InputEncoding.Embedding(9, 3), cell, 7, 3, Topology.SEQ_TO_SEQ, 4,
                    LossType.SOFTMAX_CE);
                try (SequenceModel m = backend.create(spec, sgd, 1)) {
                    long g = cell.gates();
                    long stack = cell.hasRecurrentWeights() ? g * (7 * 3 + 7 * 7 + 2 * 7 + 2 * (7 * 7 + 7 * 7 + 2 * 7))
                        : g * (7 * 3 + 7 + 2 * (7 * 7 + 7));
                    long expected = 9 * 3 + 2 * stack + 4 * 7 + 4;
                    assertEquals(expected, m.canonicalParameterCount(), backend.id() + " " + cell);
                    assertEquals(expected, m.nativeParameterCount(), backend.id() + " " + cell);
                }
            }
        }
    }

    @Test
    void aClosedModelAndABatchOfTheWrongShapeAreRefusedWithAReason() {
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(3), CellType.GRU, 4, 1, Topology.MANY_TO_ONE, 2,
            LossType.MSE);
        SequenceModel m = new DjlBackend().create(spec, TrainSpec.sgd(0.1, 3, 1, 0), 1);
        ModelSpec wider = new ModelSpec(new InputEncoding.Dense(5), CellType.GRU, 4, 1, Topology.MANY_TO_ONE, 2,
            LossType.MSE);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
            () -> m.trainStep(RandomBatches.of(wider, 1)));
        assertTrue(wrong.getMessage().contains("width 3"), wrong.getMessage());
        m.close();
        assertThrows(IllegalStateException.class, () -> m.forward(RandomBatches.of(spec, 1)));
    }
}
