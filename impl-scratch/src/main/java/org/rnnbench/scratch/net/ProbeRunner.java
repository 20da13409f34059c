package org.rnnbench.scratch.net;

import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.scratch.parallel.WorkerPool;

/**
 * A recurrent stack alone, as a PyTorch {@code nn.RNN/LSTM/GRU(batch_first=True)} module called on a padded
 * tensor: every step of every sequence runs from zero states, the output is the top layer's h at every step, the
 * final states are those after step T-1, and {@code L = 0.5 * sum(output^2)} over the whole output.
 */
public final class ProbeRunner {
    private ProbeRunner() {
    }

    /** Runs the stack forward and backward on dense input (B, T, I). */
    public static StackProbe run(CellSpec cell, CanonicalWeights weights, Sequences input) {
        if (input.isIds() || input.width() != cell.inputSize()) {
            throw new IllegalArgumentException("the stack probe needs dense input of width " + cell.inputSize()
                + ", got " + (input.isIds() ? "token ids" : "values of width " + input.width()));
        }
        FlatLayout layout = new FlatLayout(ParameterLayout.of(cell));
        float[] w = new float[layout.size()];
        float[] dw = new float[layout.size()];
        layout.copyIn(weights, w);
        int batch = input.batch();
        int time = input.time();
        int hidden = cell.hiddenSize();
        try (WorkerPool pool = new WorkerPool(1)) {
            InputEncoder in = new InputEncoder(new InputEncoding.Dense(cell.inputSize()), -1, true);
            Stack stack = new Stack(cell, layout, "", in, new org.rnnbench.scratch.gemm.Gemm(pool), pool);
            stack.refresh(w);
            in.encode(input, 0, time, batch, false, w);
            stack.prepare(time, batch);
            stack.zeroState();
            stack.forward();
            stack.beginBackward();
            RecurrentLayer top = stack.top();
            int s = top.stride;
            float[] output = new float[batch * time * hidden];
            // output (B, T, H) from h slots 1..T (T, B, S); dL/dh = output
            for (int t = 0; t < time; t++) {
                for (int b = 0; b < batch; b++) {
                    int from = ((t + 1) * batch + b) * s;
                    System.arraycopy(top.cache.h, from, output, (b * time + t) * hidden, hidden);
                    System.arraycopy(top.cache.h, from, top.cache.dH, from - batch * s, hidden);
                }
            }
            stack.backward(dw, null, null, null, null, false);
            int layers = cell.layers();
            float[] hN = new float[layers * batch * hidden];
            float[] cN = cell.cell().hasCellState() ? new float[layers * batch * hidden] : null;
            for (int k = 0; k < layers; k++) {
                LayerCache cache = stack.layers[k].cache;
                for (int b = 0; b < batch; b++) {
                    int from = (time * batch + b) * s;
                    System.arraycopy(cache.h, from, hN, (k * batch + b) * hidden, hidden);
                    if (cN != null) {
                        System.arraycopy(cache.c, from, cN, (k * batch + b) * hidden, hidden);
                    }
                }
            }
            int width = cell.inputSize();
            float[] dxTimeMajor = in.inputGradient();
            float[] dx = new float[batch * time * width];
            for (int t = 0; t < time; t++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(dxTimeMajor, (t * batch + b) * width, dx, (b * time + t) * width, width);
                }
            }
            return new StackProbe(output, hN, cN, dx, layout.copyOut(dw));
        }
    }
}
