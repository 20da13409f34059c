package org.rnnbench.harness.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The walk is one cycle through the whole array, so its loads reach every element of it. */
class PointerChaseTest {

    @Test
    void singleStepsVisitEveryElementOnceAndThenReturn() {
        int length = 5_000;
        PointerChase chase = new PointerChase(length);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < length; i++) {
            chase.walk(1);
            seen.add(chase.position());
        }
        assertEquals(length, seen.size(), "a cycle shorter than the array");
        assertEquals(0, chase.position(), "the walk ends where it started after one lap");
    }

    @Test
    void aLongWalkGoesAsFarAsItsSteps() {
        int length = 7_919;
        PointerChase chunked = new PointerChase(length);
        PointerChase stepped = new PointerChase(length);
        chunked.walk(2 * Calibration.CHUNK + 17);
        for (int i = 0; i < 2 * Calibration.CHUNK + 17; i++) {
            stepped.walk(1);
        }
        assertEquals(stepped.position(), chunked.position());
    }
}
