package org.rnnbench.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.TruncatedBptt.Segment;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;

/** The one segment rule of truncated BPTT. */
class TruncatedBpttTest {

    /** Two sequences of T = 7 with target lengths {@code a} and {@code b}. */
    private static Batch batch(int a, int b) {
        int[] lengths = {a, b};
        return new Batch(Sequences.dense(2, 7, 1, new float[14], lengths),
            Sequences.dense(2, 7, 1, new float[14], lengths));
    }

    @Test
    void fullLengthsGiveEverySegmentTheLastOneShorter() {
        assertEquals(List.of(new Segment(0, 3, 6), new Segment(3, 6, 6), new Segment(6, 7, 2)),
            TruncatedBptt.segments(batch(7, 7), 3));
    }

    @Test
    void segmentsStopAtTheFirstWithoutAValidTargetPosition() {
        // lengths 4 and 2: [0, 3) has 3 + 2 valid positions, [3, 6) has 1, [6, 7) none and is not run
        assertEquals(List.of(new Segment(0, 3, 5), new Segment(3, 6, 1)), TruncatedBptt.segments(batch(4, 2), 3));
        // lengths 3 and 1: [3, 6) and everything after it hold no valid position
        assertEquals(List.of(new Segment(0, 3, 4)), TruncatedBptt.segments(batch(3, 1), 3));
    }

    @Test
    void theStepLossWeightsSegmentsByTheirValidPositions() {
        TruncatedBptt.Loss loss = new TruncatedBptt.Loss();
        assertEquals(0.0, loss.mean(), "no segment: 0");
        loss.add(new Segment(0, 3, 5), 2.0);
        loss.add(new Segment(3, 6, 1), 8.0);
        assertEquals((2.0 * 5 + 8.0) / 6, loss.mean(), 1e-15);
    }

    @Test
    void theAllocationFreeStepsWalkTheSameSegments() {
        for (var b : List.of(batch(7, 7), batch(4, 2), batch(3, 1))) {
            List<Segment> walked = new java.util.ArrayList<>();
            for (int start = 0, end; (end = TruncatedBptt.next(b, 3, start)) > 0; start = end) {
                walked.add(new Segment(start, end, TruncatedBptt.validPositions(b, start, end)));
            }
            assertEquals(TruncatedBptt.segments(b, 3), walked);
        }
        assertThrows(IllegalArgumentException.class, () -> TruncatedBptt.next(batch(7, 7), 0, 0));
    }

    @Test
    void aSegmentLengthBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TruncatedBptt.segments(batch(7, 7), 0));
    }
}
