package org.rnnbench.core.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RelativeErrorTest {

    @Test
    void relativeIsTheLargestDifferenceOverTheExpectedTensorsScale() {
        assertEquals(0.5, RelativeError.relative(new float[] {0, 3}, new float[] {1, 2}), 1e-12,
            "max diff 1 over max |expected| 2");
        assertEquals(0, RelativeError.relative(new float[] {1, 2, 3}, new float[] {1, 2, 3}));
        assertEquals(6, RelativeError.maxAbsolute(new float[] {-3, 4}, new float[] {3, 4}));
    }

    @Test
    void anAllZeroExpectedTensorNeedsAnAllButZeroActualOne() {
        assertEquals(1e-9 / 1e-12, RelativeError.relative(new double[] {0, 1e-9}, new double[] {0, 0}), 1e-3);
    }

    @Test
    void nonFiniteValuesAgreeOnlyWithTheSameNonFiniteValue() {
        assertEquals(0, RelativeError.relative(new float[] {5, Float.NaN}, new float[] {5, Float.NaN}));
        assertEquals(0, RelativeError.relative(new float[] {Float.POSITIVE_INFINITY, 2},
            new float[] {Float.POSITIVE_INFINITY, 2}));
        assertEquals(Double.POSITIVE_INFINITY, RelativeError.relative(new float[] {5, Float.NaN}, new float[] {5, 1}));
        assertEquals(Double.POSITIVE_INFINITY, RelativeError.maxAbsolute(new float[] {Float.NaN}, new float[] {1}));
    }

    @Test
    void tensorsOfDifferentSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RelativeError.relative(new float[1], new float[2]));
    }
}
