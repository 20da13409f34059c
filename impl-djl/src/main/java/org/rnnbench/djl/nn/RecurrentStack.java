package org.rnnbench.djl.nn;

import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A stack of L recurrent layers of one cell type over batch-first input, holding its parameters as NDArrays under
 * their canonical PyTorch names ({@code weight_ih_l{k}}, {@code weight_hh_l{k}}, {@code bias_ih_l{k}},
 * {@code bias_hh_l{k}}).
 *
 * <p>Every run goes over all T steps of the input, as a PyTorch module on an unpacked tensor; lengths only choose
 * which step's state is reported as final. Every array a run creates belongs to {@code scope} (or to a manager
 * below it); the parameters belong to the manager the stack was built in.
 */
public interface RecurrentStack {

    /**
     * Runs the stack.
     *
     * @param scope     where the run's arrays go
     * @param x         (B, T, I) layer 0's input
     * @param h0        (L, B, H) initial hidden states
     * @param c0        (L, B, H) initial cell states for LSTM, otherwise null
     * @param lastSteps (B) the step whose states to return as final for each sequence, or null for step T-1
     * @param probe     true to add a zero probe (requiring a gradient) to the top layer's state at every step
     */
    StackRun run(NDManager scope, NDArray x, NDArray h0, NDArray c0, long[] lastSteps, boolean probe);

    /** The parameters by canonical name, in layout order (the live arrays, not copies). */
    Map<String, NDArray> parameters();

    /** The number of parameter values as the underlying DJL objects count them. */
    long nativeParameterCount();
}
