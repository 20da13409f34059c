package org.rnnbench.core.testkit;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * The whole model of a {@link ModelSpec} in double precision: input encoding, the recurrent stack (and decoder
 * stack), the time alignment of each {@link Topology}, the linear head and the loss. {@link #forward} gives a
 * {@link ReferencePass}, whose {@code backward()} gives the gradient of every canonical parameter.
 *
 * <p>Time alignment, exactly as {@link Topology} says: ONE_TO_ONE runs 1 step; ONE_TO_MANY feeds the input at step
 * 0 and zero vectors (after encoding) at steps 1..T_out-1; MANY_TO_ONE's head reads the top layer at each
 * sequence's last valid step; MANY_TO_MANY's head reads every step; SEQ_TO_SEQ's decoder starts from the
 * encoder's h (and c) of every layer at each sequence's last valid step, reads the decoder input with the same
 * encoding (one shared embedding), and its top layer feeds the head at every step. Every stack runs over the
 * whole padded length; padding never reaches a counted loss term because it comes after the valid steps.
 */
public final class ReferenceNetwork {
    private final ModelSpec spec;

    /** The network of a spec. */
    public ReferenceNetwork(ModelSpec spec) {
        this.spec = spec;
    }

    /** The spec. */
    public ModelSpec spec() {
        return spec;
    }

    /** The forward pass over the whole batch from zero states. */
    public ReferencePass forward(ReferenceWeights w, Batch batch) {
        return forward(w, batch, null);
    }

    /**
     * The forward pass over the whole batch with a probe added to the encoder's top hidden state.
     *
     * @param topOffset (T, B, H) added to the top layer's h_t, or null
     */
    public ReferencePass forward(ReferenceWeights w, Batch batch, double[][][] topOffset) {
        int steps = batch.recurrentSteps(spec.topology());
        return run(w, batch, 0, steps, null, null, topOffset);
    }

    /**
     * The forward pass of steps [from, to) of a many-to-many batch, starting from the given states (a truncated
     * BPTT segment); the loss counts only target positions inside the window.
     *
     * @param h0 (L, B, H) or null for zeros
     * @param c0 (L, B, H) or null for zeros
     */
    public ReferencePass forwardWindow(ReferenceWeights w, Batch batch, int from, int to, double[][][] h0,
                                       double[][][] c0) {
        if (spec.topology() != Topology.MANY_TO_MANY) {
            throw new IllegalArgumentException("time windows need the many-to-many topology, not "
                + spec.topology().id());
        }
        return run(w, batch, from, to, h0, c0, null);
    }

    private ReferencePass run(ReferenceWeights w, Batch batch, int from, int to, double[][][] h0, double[][][] c0,
                              double[][][] topOffset) {
        batch.check(spec);
        CellSpec cell = spec.cellSpec();
        double[][][] xs = new double[to - from][][];
        for (int t = from; t < to; t++) {
            boolean zeroInput = spec.topology() == Topology.ONE_TO_MANY && t > 0;
            xs[t - from] = zeroInput ? new double[batch.size()][cell.inputSize()] : encode(w, batch.input(), t);
        }
        ReferenceStack encoder = ReferenceStack.run(cell, layers(w, ""), xs, h0, c0, topOffset);
        ReferenceStack decoder = null;
        if (spec.hasDecoder()) {
            decoder = runDecoder(w, batch, encoder);
        }
        return new ReferencePass(this, w, batch, from, to, encoder, decoder);
    }

    private ReferenceStack runDecoder(ReferenceWeights w, Batch batch, ReferenceStack encoder) {
        CellSpec cell = spec.cellSpec();
        int b0 = batch.size();
        double[][][] h0 = new double[cell.layers()][b0][];
        double[][][] c0 = new double[cell.layers()][b0][];
        for (int k = 0; k < cell.layers(); k++) {
            for (int b = 0; b < b0; b++) {
                int last = batch.input().lengths()[b] - 1;
                h0[k][b] = encoder.h(last, k)[b].clone();
                c0[k][b] = spec.cell().hasCellState() ? encoder.c(last, k)[b].clone() : new double[cell.hiddenSize()];
            }
        }
        Sequences dec = batch.decoderInput();
        double[][][] xs = new double[dec.time()][][];
        for (int t = 0; t < dec.time(); t++) {
            xs[t] = encode(w, dec, t);
        }
        return ReferenceStack.run(cell, layers(w, ParameterLayout.DECODER), xs, h0, c0, null);
    }

    /** The layer views of the stack with names starting with {@code prefix}. */
    List<LayerWeights> layers(ReferenceWeights w, String prefix) {
        List<LayerWeights> list = new ArrayList<>();
        for (int k = 0; k < spec.layers(); k++) {
            list.add(w.layer(spec.cellSpec(), prefix, k));
        }
        return list;
    }

    /** x_t (B, I) of step t of a sequence batch under the spec's encoding. */
    double[][] encode(ReferenceWeights w, Sequences s, int t) {
        InputEncoding enc = spec.encoding();
        int width = enc.inputSize();
        double[][] x = new double[s.batch()][width];
        for (int b = 0; b < s.batch(); b++) {
            if (enc instanceof InputEncoding.Dense) {
                for (int j = 0; j < width; j++) {
                    x[b][j] = s.values()[(b * s.time() + t) * width + j];
                }
            } else if (enc instanceof InputEncoding.OneHot) {
                x[b][s.ids()[b * s.time() + t]] = 1;
            } else {
                double[] e = w.get(ParameterLayout.EMBEDDING);
                int id = s.ids()[b * s.time() + t];
                System.arraycopy(e, id * width, x[b], 0, width);
            }
        }
        return x;
    }
}
