package org.rnnbench.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.scratch.gemm.Tile;
import org.rnnbench.scratch.simd.Simd;

/**
 * The JVM options the backend asks for are the ones its tests run with, and its versions report them; the GEMM tile
 * and its system property.
 */
class JvmFlagsTest {
    @Test
    void backendAsksForTheVectorModuleAndOnThisJdkNoTypeSpeculation() {
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-XX:-UseTypeSpeculation"),
            new ScratchBackend().jvmOptions(17));
    }

    @Test
    void typeSpeculationStaysOnFromJdk25() {
        ScratchBackend backend = new ScratchBackend();
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-XX:-UseTypeSpeculation"), backend.jvmOptions(17));
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-XX:-UseTypeSpeculation"), backend.jvmOptions(24));
        assertEquals(List.of("--add-modules=jdk.incubator.vector"), backend.jvmOptions(25));
        assertEquals(backend.jvmOptions(Runtime.version().feature()), backend.jvmOptions());
    }

    @Test
    void testsRunWithTheBackendsOptions() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(arguments.contains(ScratchBackend.NO_TYPE_SPECULATION),
            "surefire's argLine should carry the backend's JVM options, got " + arguments);
    }

    @Test
    void versionsRecordTypeSpeculation() {
        assertEquals("false", new ScratchBackend().versions().get("type-speculation"));
    }

    @Test
    void versionsRecordTheGemmTileAndTheRegistersItWasChosenFor() {
        assertEquals(Tile.selected() + " of " + Simd.REGISTERS + " registers",
            new ScratchBackend().versions().get("gemm-tile"));
    }

    @Test
    void anUnknownTileIsRefusedWithTheChoicesAndTheTilePropertyIsPassedOn() {
        ModelSpec model = new ModelSpec(new InputEncoding.Dense(3), CellType.LSTM, 4, 1, Topology.MANY_TO_ONE, 1,
            LossType.MSE);
        TrainSpec train = TrainSpec.adam(0.01, 2, 1, 1);
        String before = System.getProperty(Tile.PROPERTY);
        try {
            System.setProperty(Tile.PROPERTY, "9x9");
            assertEquals(Optional.of("the system property rnnbench.scratch.tile is 9x9; use one of 6x2, 12x2 or auto"), new ScratchBackend().unsupportedReason(model, train));
            System.setProperty(Tile.PROPERTY, "6x2");
            assertEquals(Optional.empty(), new ScratchBackend().unsupportedReason(model, train));
        } finally {
            if (before == null) {
                System.clearProperty(Tile.PROPERTY);
            } else {
                System.setProperty(Tile.PROPERTY, before);
            }
        }
        assertEquals(List.of(Tile.PROPERTY), new ScratchBackend().propertyPrefixes());
    }
}
