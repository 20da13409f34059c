package org.rnnbench.scratch.net;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.scratch.gemm.Gemm;
import org.rnnbench.scratch.parallel.WorkerPool;

/**
 * L recurrent layers over the same window: layer 0 reads the {@link InputEncoder}'s output, layer k reads the
 * hidden states of layer k-1 straight from that layer's cache. The backward runs top-down; each layer's dL/dX
 * becomes the dH of the layer below.
 */
final class Stack {
    final RecurrentLayer[] layers;
    private final InputEncoder in;
    private int batch;

    /**
     * @param prefix name prefix of the stack's parameters ({@code ""} or {@code "decoder."})
     */
    Stack(CellSpec spec, FlatLayout layout, String prefix, InputEncoder in, Gemm gemm, WorkerPool pool) {
        this.in = in;
        this.layers = new RecurrentLayer[spec.layers()];
        for (int k = 0; k < layers.length; k++) {
            layers[k] = new RecurrentLayer(spec.cell(), spec.layerInputSize(k), spec.hiddenSize(), layout, prefix, k,
                gemm, pool);
        }
    }

    /** The input encoder of layer 0. */
    InputEncoder input() {
        return in;
    }

    /** The top layer. */
    RecurrentLayer top() {
        return layers[layers.length - 1];
    }

    /** Rebuilds every layer's derived weights. */
    void refresh(float[] w) {
        for (RecurrentLayer l : layers) {
            l.refresh(w);
        }
    }

    /** Sizes every layer for a window. */
    void prepare(int time, int batch) {
        this.batch = batch;
        for (RecurrentLayer l : layers) {
            l.prepare(time, batch);
        }
    }

    /** Zero initial states. */
    void zeroState() {
        for (RecurrentLayer l : layers) {
            l.zeroState();
        }
    }

    /** Initial states from the previous window's final states (truncated BPTT). */
    void carryState(int previousTime) {
        for (RecurrentLayer l : layers) {
            l.carryState(previousTime);
        }
    }

    /** Initial states of every layer from {@code other}'s states after step {@code last[b]} of each sequence. */
    void startFrom(Stack other, int[] last) {
        for (int k = 0; k < layers.length; k++) {
            for (int b = 0; b < batch; b++) {
                layers[k].startRowFrom(other.layers[k], last[b] + 1, b);
            }
        }
    }

    /** The forward over the prepared window. */
    void forward() {
        for (int k = 0; k < layers.length; k++) {
            RecurrentLayer l = layers[k];
            l.beginForward();
            if (k == 0) {
                in.project(l);
            } else {
                l.projectInput(layers[k - 1].cache.h, batch * layers[k - 1].stride, layers[k - 1].stride);
            }
            l.recur();
        }
    }

    /** Zeroes every layer's dH and carried gradients; the head or a decoder then adds into the top's dH. */
    void beginBackward() {
        for (RecurrentLayer l : layers) {
            l.beginBackward();
        }
    }

    /**
     * The backward over the window, adding parameter gradients to {@code dw}.
     *
     * @param last    per sequence, the step at which the injections apply (null for none)
     * @param injectH per layer, dL/dh (B, S) to add at step last[b] (null entries or null array for none)
     * @param injectC per layer, dL/dc likewise
     * @param norms   receives the norm of dL/dh_t of the top layer per step, or null
     * @param initial whether to leave dL/dh_{-1}, dL/dc_{-1} in each layer's dhNext, dcNext
     */
    void backward(float[] dw, int[] last, float[][] injectH, float[][] injectC, double[] norms, boolean initial) {
        for (int k = layers.length - 1; k >= 0; k--) {
            RecurrentLayer l = layers[k];
            l.backward(last, injectH == null ? null : injectH[k], injectC == null ? null : injectC[k],
                k == layers.length - 1 ? norms : null, initial);
            if (k > 0) {
                RecurrentLayer below = layers[k - 1];
                l.weightGradients(dw, below.cache.h, batch * below.stride, below.stride, null);
                l.inputGradient(below.cache.dH, 0, below.stride);
            } else {
                in.backward(l, dw);
            }
        }
    }
}
