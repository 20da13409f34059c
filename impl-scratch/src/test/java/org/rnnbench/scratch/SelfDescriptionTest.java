package org.rnnbench.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.Sgemm;
import org.rnnbench.core.spec.CellType;

/** What the scratch backend says of itself through the SPI. */
class SelfDescriptionTest {
    private final Backend backend = Backends.get(ScratchBackend.ID);

    @Test
    void aMainReferenceBackendWithoutNativeSettingsOrDeviations() {
        assertFalse(backend.isVariant());
        assertTrue(backend.isReference());
        assertTrue(backend.threadSettings(3).isEmpty(), "its pool takes create's threads");
        for (CellType cell : CellType.values()) {
            assertTrue(backend.knownDeviation(cell).isEmpty(), cell.id());
        }
    }

    @Test
    void itsKernelsMultiplyAsTheDefinitionSays() {
        assertEquals(List.of("fast", "naive"), List.copyOf(backend.sgemms().keySet()));
        int m = 3;
        int k = 5;
        int n = 17;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 7 - 3;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = i % 5 - 2;
        }
        float last = 0;
        for (int p = 0; p < k; p++) {
            last += a[(m - 1) * k + p] * b[p * n + n - 1];
        }
        for (Sgemm sgemm : backend.sgemms().values()) {
            try (Sgemm.Product product = sgemm.prepare(m, k, n, a, b)) {
                assertEquals(last, product.multiply());
                assertEquals(last, product.multiply(), "C is recomputed, not accumulated");
            }
        }
    }
}
