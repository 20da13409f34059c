package org.rnnbench.djl.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * A stack on DJL's fused recurrent blocks ({@link RNN}, {@link LSTM}, {@link GRU}), which call libtorch's
 * {@code rnn_tanh}, {@code rnn_relu}, {@code lstm} and {@code gru} kernels over whole sequences. Their parameters
 * have PyTorch's layout exactly ({@code l_k_i2h_WEIGHT} is {@code weight_ih_l{k}}, gate blocks [i, f, g, o] and
 * [r, z, n]), so the canonical tensors are the block's own arrays.
 *
 * <p>A fused call returns the states after its last step only. A run therefore calls the block once per segment:
 * one segment for a plain run; a segment ending at every requested final step, capturing the states of the
 * sequences that end there (encoder-decoder with variable lengths: as many calls as distinct lengths); one
 * segment per step when probing, so that the probe can be added to the top state between steps.
 */
public final class FusedStack implements RecurrentStack {
    private final CellSpec cell;
    private final RecurrentBlock block;
    private final ParameterStore store;
    private final Map<String, NDArray> parameters;

    /** A stack whose parameters (unspecified values) live in {@code manager}. */
    public FusedStack(NDManager manager, CellSpec cell) {
        this.cell = cell;
        this.block = block(cell);
        block.initialize(manager, Nd.FLOAT, new Shape(1, 1, cell.inputSize()));
        this.store = new ParameterStore(manager, false);
        Map<String, NDArray> map = new LinkedHashMap<>();
        for (int k = 0; k < cell.layers(); k++) {
            map.put(ParameterLayout.weightIh(k), blockArray("l_" + k + "_i2h_WEIGHT"));
            map.put(ParameterLayout.weightHh(k), blockArray("l_" + k + "_h2h_WEIGHT"));
            map.put(ParameterLayout.biasIh(k), blockArray("l_" + k + "_i2h_BIAS"));
            map.put(ParameterLayout.biasHh(k), blockArray("l_" + k + "_h2h_BIAS"));
        }
        this.parameters = Collections.unmodifiableMap(map);
    }

    private static RecurrentBlock block(CellSpec cell) {
        int hidden = cell.hiddenSize();
        int layers = cell.layers();
        return switch (cell.cell()) {
            case RNN_TANH, RNN_RELU -> RNN.builder().setStateSize(hidden).setNumLayers(layers).optBatchFirst(true)
                .optReturnState(true)
                .setActivation(cell.cell() == CellType.RNN_TANH ? RNN.Activation.TANH : RNN.Activation.RELU)
                .build();
            case LSTM -> LSTM.builder().setStateSize(hidden).setNumLayers(layers).optBatchFirst(true)
                .optReturnState(true).build();
            case GRU -> GRU.builder().setStateSize(hidden).setNumLayers(layers).optBatchFirst(true)
                .optReturnState(true).build();
            case MIN_GRU, MIN_LSTM -> throw new IllegalArgumentException("DJL has no fused " + cell.cell().id()
                + " block; it runs on MinimalStack");
        };
    }

    private NDArray blockArray(String djlName) {
        Parameter p = block.getParameters().get(djlName);
        if (p == null) {
            throw new IllegalStateException("DJL's " + cell.cell().id() + " block has no parameter " + djlName
                + "; it has " + block.getParameters().keys());
        }
        return p.getArray();
    }

    @Override
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** The sizes of the block's own parameters, as DJL lists them: equal to the canonical count. */
    @Override
    public long nativeParameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    @Override
    public StackRun run(NDManager scope, NDArray x, NDArray h0, NDArray c0, long[] lastSteps, boolean probe) {
        int batch = (int) x.getShape().get(0);
        int time = (int) x.getShape().get(1);
        int layers = cell.layers();
        boolean lstm = cell.cell().hasCellState();
        long[] ends = segmentEnds(time, lastSteps, probe);
        NDList pieces = ends.length == 1 ? new NDList(x) : x.split(Arrays.copyOf(ends, ends.length - 1), 1);
        NDArray h = h0;
        NDArray c = c0;
        NDArray hLast = lastSteps == null ? null : Nd.zeros(scope, layers, batch, cell.hiddenSize());
        NDArray cLast = lastSteps == null || !lstm ? null : Nd.zeros(scope, layers, batch, cell.hiddenSize());
        NDList tops = new NDList();
        List<NDArray> probes = new ArrayList<>();
        // x is (B,T,I); each piece (B,T_s,I); states (L,B,H); each top piece (B,T_s,H)
        for (int s = 0; s < ends.length; s++) {
            NDList out = block.forward(store, lstm ? new NDList(pieces.get(s), h, c) : new NDList(pieces.get(s), h),
                true);
            NDArray top = out.get(0);
            h = out.get(1);
            c = lstm ? out.get(2) : null;
            if (probe) {
                NDArray p = Nd.zeros(scope, batch, cell.hiddenSize());
                p.setRequiresGradient(true);
                probes.add(p);
                NDArray probed = h.get(layers - 1).add(p);
                h = layers == 1 ? probed.expandDims(0)
                    : NDArrays.concat(new NDList(h.get(new NDIndex("0:{}", layers - 1)), probed.expandDims(0)), 0);
                top = probed.expandDims(1);
            }
            if (lastSteps != null) {
                NDArray ending = endingHere(scope, lastSteps, ends[s]).broadcast(h.getShape());
                hLast = NDArrays.where(ending, h, hLast);
                if (lstm) {
                    cLast = NDArrays.where(ending, c, cLast);
                }
            }
            tops.add(top);
        }
        NDArray topAll = tops.size() == 1 ? tops.get(0) : NDArrays.concat(tops, 1);
        return lastSteps == null ? new StackRun(topAll, h, c, probes) : new StackRun(topAll, hLast, cLast, probes);
    }

    // (1,B,1): true for the sequences whose final step is end-1
    private static NDArray endingHere(NDManager scope, long[] lastSteps, long end) {
        boolean[] ending = new boolean[lastSteps.length];
        for (int b = 0; b < lastSteps.length; b++) {
            ending[b] = lastSteps[b] + 1 == end;
        }
        return scope.create(ending, new Shape(1, lastSteps.length, 1));
    }

    // the exclusive end of every segment, ascending, the last one T
    private static long[] segmentEnds(int time, long[] lastSteps, boolean probe) {
        TreeSet<Long> ends = new TreeSet<>();
        ends.add((long) time);
        if (probe) {
            for (long t = 1; t < time; t++) {
                ends.add(t);
            }
        } else if (lastSteps != null) {
            for (long s : lastSteps) {
                ends.add(s + 1);
            }
        }
        return ends.stream().mapToLong(Long::longValue).toArray();
    }
}
