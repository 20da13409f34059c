package org.rnnbench.dl4j.samediff;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.dl4j.runtime.Quiet;

/**
 * A whole model as one SameDiff graph for one {@link GraphShape}: input encoding, the recurrent stack (and the
 * decoder stack), the time alignment of the topology, the linear head and the masked loss of
 * {@link org.rnnbench.core.spec.LossType}. It is shared by every model of its spec ({@link GraphCache}): each call
 * binds the calling model's parameter arrays to the variables, so an update a model makes in place is seen by
 * each of its graphs.
 *
 * <p>Placeholders and outputs are listed in {@link Names}. Alignment: many-to-one and one-to-one read the top
 * layer at each sequence's last valid step through the {@link Names#LAST} selector; many-to-many and one-to-many
 * read every step; encoder-decoder starts the decoder from every encoder layer's state at the last valid step (the
 * same selector) and reads the decoder's top layer at every step. An embedding is a one-hot matrix product
 * ({@code sd.gather}'s gradient puts rows at lookup positions instead of token ids in M2.1).
 */
final class ModelGraph {
    /** The name SameDiff gives a graph's gradient function. */
    private static final String GRADIENT_FUNCTION = "grad";

    private final ModelSpec spec;
    private final GraphShape shape;
    private final SameDiff sd = SameDiff.create();
    private final Map<String, SDVariable> vars = new LinkedHashMap<>();
    private boolean gradientsReady;
    private Map<String, INDArray> bound;

    ModelGraph(ModelSpec spec, LayerKind kind, GraphShape shape, Map<String, INDArray> params) {
        this.spec = spec;
        this.shape = shape;
        // plain references: the default holder keeps a per-device copy and memcpys later arrays into the first one
        // (binding a second model would overwrite the first model's weights and hide in-place updates)
        sd.setArrayHolders(new SingleThreadArrayHolder(), new SingleThreadArrayHolder(), false);
        params.forEach((name, array) -> vars.put(name, sd.var(name, array)));
        bound = params;
        CellSpec cell = spec.cellSpec();
        int b = shape.batch();
        int t = shape.steps();
        int h = spec.hiddenSize();
        int layers = spec.layers();
        SDVariable input = encode(Names.X, (long) t * b);
        if (spec.topology() == Topology.ONE_TO_MANY && spec.encoding() instanceof InputEncoding.Embedding) {
            input = input.mul(sd.placeHolder(Names.X_MASK, DataType.FLOAT, (long) t * b, 1));
        }
        SDVariable[] h0 = new SDVariable[layers];
        SDVariable[] c0 = cell.cell().hasCellState() ? new SDVariable[layers] : null;
        for (int k = 0; k < layers; k++) {
            h0[k] = sd.placeHolder(Names.h0(k), DataType.FLOAT, b, h);
            if (c0 != null) {
                c0[k] = sd.placeHolder(Names.c0(k), DataType.FLOAT, b, h);
            }
        }
        boolean decoder = spec.hasDecoder();
        List<StackBuilder.Layer> encoder = new StackBuilder(sd, cell, kind, vars, b, t)
            .build("", input, h0, c0, shape.namedSteps() || kind == LayerKind.UNROLLED, decoder);
        for (int k = 0; k < layers; k++) {
            sd.identity(Names.hLast(k), encoder.get(k).last());
            if (c0 != null) {
                sd.identity(Names.cLast(k), encoder.get(k).lastCell());
            }
        }
        SDVariable features;
        if (decoder) {
            SDVariable last = sd.placeHolder(Names.LAST, DataType.FLOAT, (long) t * b, 1);
            SDVariable[] dh0 = new SDVariable[layers];
            SDVariable[] dc0 = c0 == null ? null : new SDVariable[layers];
            for (int k = 0; k < layers; k++) {
                dh0[k] = atLast(encoder.get(k).sequence(), last);
                if (dc0 != null) {
                    dc0[k] = atLast(encoder.get(k).cells(), last);
                }
            }
            int out = shape.outSteps();
            SDVariable decoderInput = encode(Names.DECODER_X, (long) out * b);
            List<StackBuilder.Layer> dec = new StackBuilder(sd, cell, kind, vars, b, out)
                .build(ParameterLayout.DECODER, decoderInput, dh0, dc0, false, false);
            features = dec.get(layers - 1).sequence();
        } else if (spec.topology() == Topology.MANY_TO_ONE || spec.topology() == Topology.ONE_TO_ONE) {
            SDVariable last = sd.placeHolder(Names.LAST, DataType.FLOAT, (long) t * b, 1);
            features = atLast(encoder.get(layers - 1).sequence(), last);
        } else {
            features = encoder.get(layers - 1).sequence();
        }
        SDVariable w = vars.get(Names.variable(ParameterLayout.HEAD_WEIGHT));
        SDVariable bias = vars.get(Names.variable(ParameterLayout.HEAD_BIAS));
        // features is (R, H), the head weight (O, H): logits (R, O)
        long rows = targetRows(spec, shape);
        SDVariable logits = sd.identity(Names.LOGITS,
            Products.timesTransposed(sd, features, rows, w, spec.outputs()).add(bias));
        SDVariable y = sd.placeHolder(Names.Y, DataType.FLOAT, rows, spec.outputs());
        SDVariable mask = sd.placeHolder(Names.Y_MASK, DataType.FLOAT, rows, 1);
        SDVariable norm = sd.placeHolder(Names.NORM, DataType.FLOAT);
        SDVariable terms = LossTerms.of(sd, spec.loss(), logits, y);
        SDVariable loss = terms.mul(mask).sum().mul(norm);
        loss = loss.rename(Names.LOSS);
        sd.setLossVariables(loss);
    }

    /** The shape it was built for. */
    GraphShape shape() {
        return shape;
    }

    /** The spec it computes. */
    ModelSpec spec() {
        return spec;
    }

    /** Runs the forward pass for the named outputs with the given parameter arrays. */
    synchronized Map<String, INDArray> output(Map<String, INDArray> params, Map<String, INDArray> feeds,
                                              String... outputs) {
        bind(params);
        return sd.output(feeds, outputs);
    }

    /**
     * Forward and backward with the given parameter arrays: {@code use} reads the named outputs and the gradients
     * of the named variables, which are valid only inside it (copy what must outlive the call). Afterwards every
     * intermediate array of the pass is closed: the gradient function never hands them back to SameDiff's array
     * cache, and left to the garbage collector their native memory piles up by gigabytes.
     */
    synchronized <T> T gradients(Map<String, INDArray> params, Map<String, INDArray> feeds, List<String> outputs,
                                 Collection<String> of, Function<OutAndGrad, T> use) {
        if (!gradientsReady) {
            Quiet.createGradFunction(sd);
            gradientsReady = true;
        }
        bind(params);
        try {
            return use.apply(sd.calculateGradientsAndOutputs(feeds, outputs, of));
        } finally {
            closeIntermediates(sd.getFunction(GRADIENT_FUNCTION));
        }
    }

    // closes the activations and gradients a pass left in the current thread's session (never variables or feeds)
    private static void closeIntermediates(SameDiff fn) {
        for (SDVariable v : fn.variables()) {
            if (v.getVariableType() == VariableType.ARRAY) {
                INDArray a = fn.getArrForVarName(v.name());
                if (a != null && a.closeable()) {
                    a.close();
                }
            }
        }
    }

    /**
     * Makes {@code params} (a model's arrays, by variable name) the values of the graph's variables, in the graph
     * and in its gradient function; a no-op when they already are.
     */
    private void bind(Map<String, INDArray> params) {
        if (params == bound) {
            return;
        }
        params.forEach((name, array) -> sd.associateArrayWithVariable(array, vars.get(name)));
        bound = params;
    }

    /** R, the rows of the head's outputs and targets: B, T*B or T_out*B. */
    static long targetRows(ModelSpec spec, GraphShape shape) {
        return switch (spec.topology()) {
            case MANY_TO_ONE, ONE_TO_ONE -> shape.batch();
            case MANY_TO_MANY, ONE_TO_MANY -> (long) shape.steps() * shape.batch();
            case SEQ_TO_SEQ -> (long) shape.outSteps() * shape.batch();
        };
    }

    private SDVariable encode(String name, long rows) {
        InputEncoding enc = spec.encoding();
        if (enc instanceof InputEncoding.Embedding e) {
            SDVariable ids = sd.placeHolder(name, DataType.INT32, rows);
            SDVariable table = vars.get(Names.variable(ParameterLayout.EMBEDDING));
            // one-hot (rows, V) times the table (V, D): exact gradients for repeated ids
            return sd.mmul(sd.oneHot(ids, e.vocab(), -1, 1.0, 0.0, DataType.FLOAT), table);
        }
        return sd.placeHolder(name, DataType.FLOAT, rows, enc.inputSize());
    }

    // sequence is (T*B, H), last (T*B, 1) selects one step per sequence: (B, H)
    private SDVariable atLast(SDVariable sequence, SDVariable last) {
        return sequence.mul(last).reshape(shape.steps(), shape.batch(), spec.hiddenSize()).sum(0);
    }
}
