package org.rnnbench.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.NativeSetting;
import org.rnnbench.core.backend.Sgemm;
import org.rnnbench.core.spec.CellType;

/** What the dl4j backend and its fused-gru variant say of themselves through the SPI. */
class Dl4jSelfDescriptionTest {
    private final Backend main = Backends.get(Dl4jBackend.ID);
    private final Backend fused = Backends.get(FusedGruBackend.ID);

    @Test
    void theThreadVariablesOfOpenMpAndTheBlasLibraries() {
        assertEquals(List.of(NativeSetting.environment("OMP_NUM_THREADS", "3"),
            NativeSetting.environment("MKL_NUM_THREADS", "3"), NativeSetting.environment("OPENBLAS_NUM_THREADS", "3")),
            main.threadSettings(3));
        assertEquals(main.threadSettings(2), fused.threadSettings(2), "the variant runs on the same libraries");
    }

    @Test
    void fusedGruIsAVariantWhoseGruDeviationIsKnown() {
        assertFalse(main.isVariant());
        assertTrue(fused.isVariant());
        assertEquals(Dl4jBackend.ID, fused.mainId());
        assertTrue(fused.knownDeviation(CellType.GRU).orElseThrow().contains("b_hn"));
        for (CellType cell : CellType.values()) {
            assertTrue(main.knownDeviation(cell).isEmpty(), cell.id());
            if (cell != CellType.GRU) {
                assertTrue(fused.knownDeviation(cell).isEmpty(), cell.id());
            }
        }
    }

    @Test
    void openblasMultipliesIntoAnMByNProduct() {
        Sgemm sgemm = main.sgemms().get("openblas");
        try (Sgemm.Product p = sgemm.prepare(2, 3, 4, new float[6], new float[12])) {
            assertEquals(8f, p.multiply());
        }
    }
}
