package org.rnnbench.harness.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.rnnbench.core.testkit.Comparison;

class RelativeErrorTest {
    private static final List<float[][]> PAIRS = List.of(
        new float[][] {{1, 2, 3}, {1, 2, 3}},
        new float[][] {{1.001f, -2, 3}, {1, -2, 3}},
        new float[][] {{0, 1e-9f}, {0, 0}},
        new float[][] {{5, Float.NaN}, {5, Float.NaN}},
        new float[][] {{5, Float.NaN}, {5, 1}},
        new float[][] {{Float.POSITIVE_INFINITY, 1}, {Float.POSITIVE_INFINITY, 2}},
        new float[][] {{-3, 4, 1e-8f}, {3, 4, 0}});

    @Test
    void theDefinitionIsTheTestKitsComparison() {
        for (float[][] p : PAIRS) {
            assertEquals(Comparison.relativeError(p[0], p[1]), RelativeError.relative(p[0], p[1]), 0,
                java.util.Arrays.toString(p[0]) + " vs " + java.util.Arrays.toString(p[1]));
        }
        assertEquals(Comparison.TINY, RelativeError.TINY);
    }

    @Test
    void relativeIsAgainstTheExpectedTensorsScale() {
        assertEquals(0.5, RelativeError.relative(new float[] {0, 3}, new float[] {1, 2}), 1e-12,
            "max diff 1 over max |expected| 2");
        assertEquals(6, RelativeError.maxAbsolute(new float[] {-3, 4}, new float[] {3, 4}));
        assertEquals(Double.POSITIVE_INFINITY, RelativeError.maxAbsolute(new float[] {Float.NaN}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RelativeError.relative(new float[1], new float[2]));
    }
}
