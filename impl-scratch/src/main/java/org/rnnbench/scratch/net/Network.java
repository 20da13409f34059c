package org.rnnbench.scratch.net;

import java.util.Arrays;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.scratch.gemm.Gemm;
import org.rnnbench.scratch.parallel.RangeBody;
import org.rnnbench.scratch.parallel.WorkerPool;

/**
 * A whole model on flat buffers: the parameters {@code w} and gradients {@code dw} in canonical layout, an encoder
 * stack, for encoder-decoder a decoder stack, the head and the loss, wired by the topology. {@link #forward} runs a
 * window of a batch and returns its loss; {@link #backward} fills {@code dw} for that window. Buffers are reused
 * from call to call, so after the first batch of a shape neither allocates.
 */
public final class Network {
    private final ModelSpec spec;
    private final FlatLayout layout;
    private final float[] w;
    private final float[] dw;
    private final Stack encoder;
    private final Stack decoder;
    private final Head head;
    private final LossKernel loss;
    private final float[][] injectH;
    private final float[][] injectC;
    private final WorkerPool pool;
    private final RangeBody zeroGradients = this::zeroGradients;
    private int[] last = new int[0];
    private int batch;
    private int outputTime;
    private Stack top;

    /** Buffers and layers for {@code spec}; products run on {@code pool}. */
    public Network(ModelSpec spec, WorkerPool pool) {
        this.spec = spec;
        this.pool = pool;
        this.layout = new FlatLayout(ParameterLayout.of(spec));
        this.w = new float[layout.size()];
        this.dw = new float[layout.size()];
        Gemm gemm = new Gemm(pool);
        int embedding = spec.encoding() instanceof InputEncoding.Embedding
            ? layout.offset(ParameterLayout.EMBEDDING) : -1;
        this.encoder = new Stack(spec.cellSpec(), layout, "", new InputEncoder(spec.encoding(), embedding, false),
            gemm, pool);
        this.decoder = spec.hasDecoder() ? new Stack(spec.cellSpec(), layout, ParameterLayout.DECODER,
            new InputEncoder(spec.encoding(), embedding, false), gemm, pool) : null;
        this.head = new Head(spec.outputs(), spec.hiddenSize(), encoder.top().stride, layout, gemm);
        this.loss = new LossKernel(spec.loss());
        this.injectH = new float[spec.layers()][];
        this.injectC = new float[spec.layers()][];
    }

    /** The flat layout of the parameters. */
    public FlatLayout layout() {
        return layout;
    }

    /** The parameters, canonical layout; call {@link #refresh} after changing them. */
    public float[] parameters() {
        return w;
    }

    /** The gradients of the last {@link #backward}, canonical layout. */
    public float[] gradients() {
        return dw;
    }

    /** Rebuilds the weight copies the products read; call after every change of the parameters. */
    public void refresh() {
        encoder.refresh(w);
        if (decoder != null) {
            decoder.refresh(w);
        }
    }

    /**
     * Runs steps t0..t0+time-1 of a batch (the whole batch for every topology but truncated many-to-many) and
     * returns the loss of their valid target positions.
     *
     * @param previousTime 0 to start from zero states; otherwise the length of the previous window, whose final
     *                     states start this one
     */
    public double forward(Batch data, int t0, int time, int previousTime) {
        Topology topology = spec.topology();
        Sequences input = data.input();
        batch = data.size();
        boolean oneToMany = topology == Topology.ONE_TO_MANY;
        int encoderTime = oneToMany ? data.target().time() : time;
        if (last.length < batch) {
            last = new int[batch];
        }
        for (int b = 0; b < batch; b++) {
            last[b] = input.lengths()[b] - 1;
        }
        encoder.input().encode(input, t0, encoderTime, batch, oneToMany, w);
        encoder.prepare(encoderTime, batch);
        if (previousTime > 0) {
            encoder.carryState(previousTime);
        } else {
            encoder.zeroState();
        }
        encoder.forward();
        top = encoder;
        outputTime = encoderTime;
        if (decoder != null) {
            Sequences decoderInput = data.decoderInput();
            outputTime = decoderInput.time();
            decoder.input().encode(decoderInput, 0, outputTime, batch, false, w);
            decoder.prepare(outputTime, batch);
            decoder.startFrom(encoder, last);
            decoder.forward();
            top = decoder;
        }
        RecurrentLayer topLayer = top.top();
        if (topology.outputsEveryStep()) {
            head.forward(w, topLayer.cache.h, batch * topLayer.stride, outputTime * batch);
            return loss.compute(head.y, head.dy, outputTime, batch, spec.outputs(),
                topology == Topology.MANY_TO_MANY ? t0 : 0, data.target());
        }
        head.gather(topLayer.cache.h, last, batch);
        head.forward(w, head.gathered, 0, batch);
        return loss.compute(head.y, head.dy, 1, batch, spec.outputs(), 0, data.target());
    }

    /** N, the valid target positions of the last forward. */
    public int validCount() {
        return loss.count();
    }

    /**
     * Fills the gradients for the last forward (full backpropagation through its window).
     *
     * @param norms receives the norm of dL/dh_t of the encoder's top layer for each of its steps, or null
     */
    public void backward(double[] norms) {
        pool.forRange(dw.length, 64, zeroGradients);
        encoder.beginBackward();
        if (decoder != null) {
            decoder.beginBackward();
        }
        Arrays.fill(injectH, null);
        Arrays.fill(injectC, null);
        RecurrentLayer topLayer = top.top();
        boolean inject = false;
        if (spec.topology().outputsEveryStep()) {
            head.backward(w, dw, topLayer.cache.h, batch * topLayer.stride, topLayer.cache.dH, 0);
        } else {
            Arrays.fill(head.dGathered, 0, batch * topLayer.stride, 0f);
            head.backward(w, dw, head.gathered, 0, head.dGathered, 0);
            injectH[injectH.length - 1] = head.dGathered;
            inject = true;
        }
        if (decoder != null) {
            decoder.backward(dw, null, null, null, null, true);
            for (int k = 0; k < injectH.length; k++) {
                injectH[k] = decoder.layers[k].cache.dhNext;
                injectC[k] = decoder.layers[k].cache.dcNext;
            }
            inject = true;
        }
        encoder.backward(dw, inject ? last : null, injectH, injectC, norms, false);
    }

    private void zeroGradients(int from, int to) {
        Arrays.fill(dw, from, to, 0f);
    }

    /** The head's outputs of the last forward as (B, T_out, O), batch-major. */
    public float[] outputs() {
        int o = spec.outputs();
        int time = spec.topology().outputsEveryStep() ? outputTime : 1;
        float[] out = new float[batch * time * o];
        for (int t = 0; t < time; t++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(head.y, (t * batch + b) * o, out, (b * time + t) * o, o);
            }
        }
        return out;
    }
}
