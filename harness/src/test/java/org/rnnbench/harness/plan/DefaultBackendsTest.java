package org.rnnbench.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The default backends come from what the backends say of themselves: the reference is scratch, and the quick ones
 * by their own cost rates are scratch and djl (dl4j and this class path's test backends, which state no rates,
 * are not).
 */
class DefaultBackendsTest {
    @Test
    void theReferenceIsTheBackendThatSaysSo() {
        assertEquals(List.of("scratch"), DefaultBackends.reference());
    }

    @Test
    void theQuickOnesAreThoseWhoseCellStepIsUnderAMillisecondReferenceFirst() {
        assertEquals(List.of("scratch", "djl"), DefaultBackends.quick());
    }
}
