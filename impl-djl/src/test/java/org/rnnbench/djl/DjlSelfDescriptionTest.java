package org.rnnbench.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.NativeSetting;
import org.rnnbench.core.backend.Sgemm;

/** What the djl backend and its unrolled variant say of themselves through the SPI. */
class DjlSelfDescriptionTest {
    private final Backend main = Backends.get(DjlBackend.ID);
    private final Backend unrolled = Backends.get(DjlUnrolledBackend.ID);

    @Test
    void libtorchsThreadPropertiesAndOfflineMode() {
        assertEquals(List.of(NativeSetting.property("ai.djl.pytorch.num_threads", "2"),
            NativeSetting.property("ai.djl.pytorch.num_interop_threads", "2")), main.threadSettings(2));
        assertEquals(List.of("-Dai.djl.offline=true"), main.jvmOptions());
        assertEquals(main.threadSettings(5), unrolled.threadSettings(5));
    }

    @Test
    void unrolledIsAVariantOfDjl() {
        assertFalse(main.isVariant());
        assertTrue(unrolled.isVariant());
        assertEquals(DjlBackend.ID, unrolled.mainId());
    }

    @Test
    void libtorchMultipliesIntoAnMByNProduct() {
        try (Sgemm.Product p = main.sgemms().get("libtorch").prepare(2, 3, 4, new float[6], new float[12])) {
            assertEquals(8f, p.multiply());
        }
    }
}
