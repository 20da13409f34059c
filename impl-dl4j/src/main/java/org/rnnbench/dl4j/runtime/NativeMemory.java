package org.rnnbench.dl4j.runtime;

import org.bytedeco.javacpp.Pointer;

/**
 * A backstop that keeps SameDiff's native memory bounded. SameDiff allocates the arrays of an execution as native
 * buffers that are freed only when the Java objects owning them are garbage collected; with a large heap the
 * collector rarely runs. Gradient passes close their intermediates themselves (see
 * {@code ModelGraph.gradients}) and the optimizer closes its temporaries; this check covers the rest (batch arrays,
 * a few MB per step that classic networks allocate outside their workspaces). After each step the process's resident size is compared with its size after the last collection; when it has
 * grown by more than the budget ({@value #DEFAULT_BUDGET_MB} MB, or the system property {@value #BUDGET_PROPERTY}),
 * a collection is requested.
 */
public final class NativeMemory {
    /** System property: growth in MB that triggers a collection. */
    public static final String BUDGET_PROPERTY = "rnnbench.dl4j.gcBudgetMb";
    /** The default growth budget in MB. */
    public static final long DEFAULT_BUDGET_MB = 256;

    private static final long BUDGET = Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET_MB) << 20;
    private static long baseline = -1;
    private static long collections;

    private NativeMemory() {
    }

    /** Called after every step: collects when resident memory grew by more than the budget. */
    public static synchronized void afterStep() {
        long now = Pointer.physicalBytes();
        if (baseline < 0) {
            baseline = now;
        } else if (now - baseline > BUDGET) {
            System.gc();
            collections++;
            baseline = Pointer.physicalBytes();
        }
    }

    /** The collections requested so far. */
    public static synchronized long collections() {
        return collections;
    }
}
