package org.rnnbench.djl.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;

/**
 * The whole model of a {@link ModelSpec} on NDArrays: input encoding, the recurrent stack (and the decoder stack),
 * the time alignment of each {@link Topology}, the linear head and the masked loss. Every parameter is an NDArray
 * of the model's manager under its canonical name; a pass puts everything else in the caller's scope.
 *
 * <p>Time alignment as {@link Topology} says: many-to-one (and one-to-one) heads read the top state at each
 * sequence's last valid step (one gather from the whole run); many-to-many heads read every step; one-to-many
 * feeds the encoded input at step 0 and zero vectors after; the encoder-decoder's decoder starts from the
 * encoder's states at each sequence's last valid step and shares the input encoding.
 */
public final class Network {
    private final ModelSpec spec;
    private final RecurrentStack encoder;
    private final RecurrentStack decoder;
    private final NDArray headWeight;
    private final NDArray headBias;
    private final NDArray embedding;
    private final InputEncoder inputs;
    private final Map<String, NDArray> parameters;

    /** A network with unspecified weights whose parameters live in {@code manager}. */
    public Network(NDManager manager, ModelSpec spec, StackKind kind) {
        this.spec = spec;
        this.encoder = kind.create(manager, spec.cellSpec());
        this.decoder = spec.hasDecoder() ? kind.create(manager, spec.cellSpec()) : null;
        this.headWeight = Nd.parameter(manager, spec.outputs(), spec.hiddenSize());
        this.headBias = Nd.parameter(manager, spec.outputs());
        this.embedding = spec.encoding() instanceof InputEncoding.Embedding e
            ? Nd.parameter(manager, e.vocab(), e.dim()) : null;
        this.inputs = new InputEncoder(spec.encoding(), embedding);
        Map<String, NDArray> map = new LinkedHashMap<>();
        for (ParameterShape p : ParameterLayout.of(spec).parameters()) {
            map.put(p.name(), lookUp(p.name()));
        }
        this.parameters = Collections.unmodifiableMap(map);
    }

    private NDArray lookUp(String name) {
        return switch (name) {
            case ParameterLayout.EMBEDDING -> embedding;
            case ParameterLayout.HEAD_WEIGHT -> headWeight;
            case ParameterLayout.HEAD_BIAS -> headBias;
            default -> name.startsWith(ParameterLayout.DECODER)
                ? decoder.parameters().get(name.substring(ParameterLayout.DECODER.length()))
                : encoder.parameters().get(name);
        };
    }

    /** Every parameter by canonical name, in layout order (the live arrays). */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** The stacks' own counts plus the head's and the embedding's sizes. */
    public long nativeParameterCount() {
        long n = encoder.nativeParameterCount() + headWeight.size() + headBias.size();
        n += decoder == null ? 0 : decoder.nativeParameterCount();
        return n + (embedding == null ? 0 : embedding.size());
    }

    /**
     * The pass over a whole batch from zero states.
     *
     * @param probe true to probe the encoder's top state at every recurrent step
     */
    public Pass forward(NDManager scope, Batch batch, boolean probe) {
        NDArray h0 = zeroStates(scope, batch.size());
        NDArray c0 = spec.cell().hasCellState() ? zeroStates(scope, batch.size()) : null;
        Sequences input = batch.input();
        Topology topology = spec.topology();
        NDArray x = topology == Topology.ONE_TO_MANY ? oneToManyInput(scope, batch)
            : inputs.encode(scope, input, 0, input.time());
        long[] last = lastSteps(input);
        StackRun run = encoder.run(scope, x, h0, c0, topology == Topology.SEQ_TO_SEQ ? last : null, probe);
        NDArray top = switch (topology) {
            case ONE_TO_ONE, MANY_TO_ONE -> Nd.atSteps(scope, run.top(), last);
            case MANY_TO_MANY, ONE_TO_MANY -> run.top();
            case SEQ_TO_SEQ -> {
                Sequences dec = batch.decoderInput();
                yield decoder.run(scope, inputs.encode(scope, dec, 0, dec.time()), run.hN(), run.cN(), null, false)
                    .top();
            }
        };
        return headAndLoss(scope, top, batch.target(), 0, batch.target().time(), run);
    }

    /**
     * The pass over steps [from, to) of a many-to-many batch from the given states: a truncated BPTT segment.
     *
     * @param h0 (L, B, H) states to start from
     * @param c0 (L, B, H) cell states for LSTM, otherwise null
     */
    public Pass window(NDManager scope, Batch batch, int from, int to, NDArray h0, NDArray c0) {
        StackRun run = encoder.run(scope, inputs.encode(scope, batch.input(), from, to), h0, c0, null, false);
        return headAndLoss(scope, run.top(), batch.target(), from, to, run);
    }

    /** (L, B, H) zeros. */
    public NDArray zeroStates(NDManager scope, int batch) {
        return Nd.zeros(scope, spec.layers(), batch, spec.hiddenSize());
    }

    private Pass headAndLoss(NDManager scope, NDArray top, Sequences target, int from, int to, StackRun run) {
        // top is (B,T',H), head weight (O,H): outputs (B,T',O)
        NDArray y = Nd.linear(top, headWeight, headBias);
        MaskedLoss.Value loss = MaskedLoss.of(scope, spec.loss(), y, target, from, to);
        return new Pass(loss.loss(), loss.count(), y, run.probes(), run.hN(), run.cN());
    }

    // (B,T_out,I): the encoded single input step, then zero vectors
    private NDArray oneToManyInput(NDManager scope, Batch batch) {
        NDArray first = inputs.encode(scope, batch.input(), 0, 1);
        int steps = batch.target().time();
        if (steps == 1) {
            return first;
        }
        NDArray rest = Nd.zeros(scope, batch.size(), steps - 1, spec.encoding().inputSize());
        return NDArrays.concat(new NDList(first, rest), 1);
    }

    private static long[] lastSteps(Sequences input) {
        long[] last = new long[input.batch()];
        for (int b = 0; b < last.length; b++) {
            last[b] = input.lengths()[b] - 1;
        }
        return last;
    }
}
