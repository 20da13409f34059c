package org.rnnbench.core.testkit;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * One forward pass of a {@link ReferenceNetwork}: the head's outputs, the loss, and everything backpropagation
 * needs. {@link #backward()} gives dL/dp for every canonical parameter and the total dL/dh_t of the encoder's top
 * layer at every step.
 */
public final class ReferencePass {
    private final ReferenceNetwork network;
    private final ReferenceWeights w;
    private final Batch batch;
    private final int from;
    private final int to;
    private final ReferenceStack encoder;
    private final ReferenceStack decoder;
    private final double[][][] outputs;
    private final ReferenceLoss.Value loss;

    ReferencePass(ReferenceNetwork network, ReferenceWeights w, Batch batch, int from, int to,
                  ReferenceStack encoder, ReferenceStack decoder) {
        this.network = network;
        this.w = w;
        this.batch = batch;
        this.from = from;
        this.to = to;
        this.encoder = encoder;
        this.decoder = decoder;
        ModelSpec spec = network.spec();
        Sequences target = batch.target();
        int hidden = spec.hiddenSize();
        int o = spec.outputs();
        double[] wHead = w.get(ParameterLayout.HEAD_WEIGHT);
        double[] bHead = w.get(ParameterLayout.HEAD_BIAS);
        this.outputs = new double[batch.size()][target.time()][o];
        // outputs is (B,T_out,O); head weight is (O,H)
        for (int b = 0; b < batch.size(); b++) {
            for (int t = outFrom(); t < outTo(); t++) {
                double[] h = readState(b, t);
                for (int r = 0; r < o; r++) {
                    double sum = bHead[r];
                    for (int j = 0; j < hidden; j++) {
                        sum += wHead[r * hidden + j] * h[j];
                    }
                    outputs[b][t][r] = sum;
                }
            }
        }
        this.loss = ReferenceLoss.evaluate(spec.loss(), outputs, target, outFrom(), outTo());
    }

    /** The mean loss over the valid target positions of the pass. */
    public double loss() {
        return loss.loss();
    }

    /** The number of valid target positions counted. */
    public int count() {
        return loss.count();
    }

    /** The head's outputs (B, T_out, O); zero outside the pass's window. */
    public double[][][] outputs() {
        return outputs;
    }

    /** The outputs as a flat float array (B, T_out, O), as {@code ForwardResult} holds them. */
    public float[] flatOutputs() {
        int time = outputs[0].length;
        int o = outputs[0][0].length;
        float[] flat = new float[outputs.length * time * o];
        for (int b = 0; b < outputs.length; b++) {
            for (int t = 0; t < time; t++) {
                for (int r = 0; r < o; r++) {
                    flat[(b * time + t) * o + r] = (float) outputs[b][t][r];
                }
            }
        }
        return flat;
    }

    /** The encoder's final hidden states (L, B, H) at the last step of the pass (copies). */
    public double[][][] finalH() {
        double[][][] h = new double[network.spec().layers()][][];
        for (int k = 0; k < h.length; k++) {
            h[k] = ReferenceStack.copy(encoder.h(encoder.time() - 1, k));
        }
        return h;
    }

    /** The encoder's final cell states (L, B, H), or null unless LSTM. */
    public double[][][] finalC() {
        if (!network.spec().cell().hasCellState()) {
            return null;
        }
        double[][][] c = new double[network.spec().layers()][][];
        for (int k = 0; k < c.length; k++) {
            c[k] = ReferenceStack.copy(encoder.c(encoder.time() - 1, k));
        }
        return c;
    }

    /**
     * What backpropagation gives.
     *
     * @param gradients dL/dp for every canonical parameter
     * @param dhTop     (T, B, H) total dL/dh_t of the encoder's top layer at every step of the pass
     */
    public record Gradients(ReferenceWeights gradients, double[][][] dhTop) {
    }

    /** Backpropagation through the head, the decoder, the encoder and the embedding. */
    public Gradients backward() {
        ModelSpec spec = network.spec();
        int layers = spec.layers();
        int top = layers - 1;
        int hidden = spec.hiddenSize();
        int o = spec.outputs();
        ReferenceWeights grads = ReferenceWeights.zeros(w.layout());
        double[] wHead = w.get(ParameterLayout.HEAD_WEIGHT);
        double[] dWHead = grads.get(ParameterLayout.HEAD_WEIGHT);
        double[] dBHead = grads.get(ParameterLayout.HEAD_BIAS);
        ReferenceStack readStack = decoder != null ? decoder : encoder;
        double[][][][] dhRead = new double[readStack.time()][layers][][];
        // head: dWHead (O,H) += dy^T h, dh (H) = W^T dy, for every counted output position
        for (int b = 0; b < batch.size(); b++) {
            for (int t = outFrom(); t < outTo(); t++) {
                if (!batch.target().valid(b, t)) {
                    continue;
                }
                double[] h = readState(b, t);
                double[] dy = loss.dy()[b][t];
                int step = readStep(b, t);
                if (dhRead[step][top] == null) {
                    dhRead[step][top] = new double[batch.size()][hidden];
                }
                double[] dh = dhRead[step][top][b];
                for (int r = 0; r < o; r++) {
                    dBHead[r] += dy[r];
                    for (int j = 0; j < hidden; j++) {
                        dWHead[r * hidden + j] += dy[r] * h[j];
                        dh[j] += wHead[r * hidden + j] * dy[r];
                    }
                }
            }
        }
        double[][][][] dhEnc = dhRead;
        double[][][][] dcEnc = new double[encoder.time()][layers][][];
        if (decoder != null) {
            ReferenceStack.Gradient dec = decoder.backward(dhRead, null,
                network.layers(grads, ParameterLayout.DECODER));
            embeddingBackward(grads, batch.decoderInput(), dec.dx(), 0);
            dhEnc = new double[encoder.time()][layers][][];
            for (int b = 0; b < batch.size(); b++) {
                int last = batch.input().lengths()[b] - 1;
                for (int k = 0; k < layers; k++) {
                    if (dhEnc[last][k] == null) {
                        dhEnc[last][k] = new double[batch.size()][hidden];
                        dcEnc[last][k] = new double[batch.size()][hidden];
                    }
                    dhEnc[last][k][b] = dec.dh0()[k][b].clone();
                    dcEnc[last][k][b] = dec.dc0()[k][b].clone();
                }
            }
        }
        ReferenceStack.Gradient enc = encoder.backward(dhEnc, dcEnc, network.layers(grads, ""));
        if (spec.topology() == Topology.ONE_TO_MANY) {
            embeddingBackward(grads, batch.input(), new double[][][] {enc.dx()[0]}, 0);
        } else {
            embeddingBackward(grads, batch.input(), enc.dx(), from);
        }
        return new Gradients(grads, enc.dhTop());
    }

    // dx is (T', B, I) for the input steps from .. from+T'-1
    private void embeddingBackward(ReferenceWeights grads, Sequences s, double[][][] dx, int first) {
        if (!(network.spec().encoding() instanceof InputEncoding.Embedding e)) {
            return;
        }
        double[] dE = grads.get(ParameterLayout.EMBEDDING);
        for (int t = 0; t < dx.length; t++) {
            for (int b = 0; b < s.batch(); b++) {
                int id = s.ids()[b * s.time() + first + t];
                for (int j = 0; j < e.dim(); j++) {
                    dE[id * e.dim() + j] += dx[t][b][j];
                }
            }
        }
    }

    private int outFrom() {
        return network.spec().topology() == Topology.MANY_TO_MANY ? from : 0;
    }

    private int outTo() {
        return network.spec().topology() == Topology.MANY_TO_MANY ? to : batch.target().time();
    }

    /** The step of the reading stack (local to the pass) whose top state output (b, t) reads. */
    private int readStep(int b, int t) {
        return switch (network.spec().topology()) {
            case ONE_TO_ONE, MANY_TO_ONE -> batch.input().lengths()[b] - 1;
            case MANY_TO_MANY -> t - from;
            case ONE_TO_MANY, SEQ_TO_SEQ -> t;
        };
    }

    private double[] readState(int b, int t) {
        ReferenceStack stack = decoder != null ? decoder : encoder;
        return stack.h(readStep(b, t), network.spec().layers() - 1)[b];
    }
}
