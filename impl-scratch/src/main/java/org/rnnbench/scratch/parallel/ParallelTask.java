package org.rnnbench.scratch.parallel;

/**
 * Work split into a fixed number of parts. Implementations are preallocated objects whose fields are set before
 * each {@link WorkerPool#run}, so that dispatching allocates nothing.
 */
public interface ParallelTask {

    /**
     * Does part {@code part} of {@code parts}. Which elements a part owns must depend only on the two numbers (use
     * {@link Slices}), never on timing, so that results do not depend on scheduling.
     */
    void run(int part, int parts);
}
