package org.rnnbench.djl.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.testkit.Comparison;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.djl.DjlEngine;

/**
 * DJL's fused block returns the states after step T, also for sequences that ended earlier; {@link FusedStack}
 * captures each sequence's states at its own last step by cutting the run into segments at the distinct lengths,
 * and agrees with the unrolled cells, which gather them.
 */
class FusedFinalStateTest {
    private static final long[] LAST_STEPS = {5, 1, 3};

    // the minimal cells have no fused block: both kinds give a MinimalStack, which gathers like the unrolled cells
    @ParameterizedTest
    @EnumSource(value = CellType.class, mode = EnumSource.Mode.EXCLUDE, names = {"MIN_GRU", "MIN_LSTM"})
    void segmentedFusedRunsGiveEachSequencesFinalStateAsTheUnrolledCellsDo(CellType type) {
        CellSpec cell = new CellSpec(type, 3, 5, 2);
        CanonicalWeights w = Initializer.initialize(cell, Init.PYTORCH, 8);
        try (NDManager m = DjlEngine.get(1).newBaseManager()) {
            RecurrentStack fused = load(StackKind.FUSED.create(m, cell), w, m);
            RecurrentStack unrolled = load(StackKind.UNROLLED.create(m, cell), w, m);
            NDArray x = Nd.values(m, RandomBatches.dense(3, 6, 3, 9).values(), 3, 6, 3);
            NDArray h0 = Nd.zeros(m, 2, 3, 5);
            NDArray c0 = type.hasCellState() ? Nd.zeros(m, 2, 3, 5) : null;
            StackRun whole = fused.run(m, x, h0, c0, null, false);
            StackRun segmented = fused.run(m, x, h0, c0, LAST_STEPS, false);
            StackRun gathered = unrolled.run(m, x, h0, c0, LAST_STEPS, false);

            close(type + " outputs do not depend on segmenting", segmented.top(), whole.top());
            close(type + " final h: segmented fused vs unrolled", segmented.hN(), gathered.hN());
            if (type.hasCellState()) {
                close(type + " final c: segmented fused vs unrolled", segmented.cN(), gathered.cN());
            }
            close(type + " the full-length sequence ends at step T either way", sequence(whole.hN(), 0),
                sequence(segmented.hN(), 0));
            double error = Comparison.relativeError(sequence(whole.hN(), 1).toFloatArray(),
                sequence(segmented.hN(), 1).toFloatArray());
            assertTrue(error > 0.01, type + ": the block's own final state of a sequence of length 2 is the state "
                + "after step 6, not after step 2; relative difference only " + error);
        }
    }

    private static RecurrentStack load(RecurrentStack stack, CanonicalWeights w, NDManager m) {
        stack.parameters().forEach((name, p) -> p.set(new NDIndex("..."), m.create(w.data(name), p.getShape())));
        return stack;
    }

    // (L,H) states of sequence b
    private static NDArray sequence(NDArray states, int b) {
        return states.get(new NDIndex(":, {}", b));
    }

    private static void close(String what, NDArray actual, NDArray expected) {
        Comparison.assertClose(what, actual.toFloatArray(), expected.toFloatArray(), 1e-6);
    }
}
