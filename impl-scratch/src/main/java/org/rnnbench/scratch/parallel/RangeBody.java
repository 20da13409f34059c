package org.rnnbench.scratch.parallel;

/**
 * The body of a parallel loop over an index range, run by {@link WorkerPool#forRange} on contiguous sub-ranges.
 * Implementations are created once (a field of the object whose loop it is), never per call.
 */
@FunctionalInterface
public interface RangeBody {

    /** Does indices [from, to). */
    void run(int from, int to);
}
