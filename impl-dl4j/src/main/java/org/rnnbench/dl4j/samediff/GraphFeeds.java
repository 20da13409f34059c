package org.rnnbench.dl4j.samediff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/**
 * The placeholder values of a {@link ModelGraph} for a batch, or for the window of a batch that starts at step
 * {@code from} (a truncated BPTT segment). Graph step s reads batch step {@code from + s}; steps past the batch's
 * end (a graph built for more steps, or the last short segment) are zero input with masked targets, which changes
 * nothing counted because they come after every valid step.
 */
final class GraphFeeds {
    /**
     * The feeds and N, the number of valid target positions they count.
     *
     * @param values placeholder name to value
     * @param count  N
     */
    record Feeds(Map<String, INDArray> values, int count) {
    }

    private GraphFeeds() {
    }

    /**
     * @param states initial states by {@link Names#hLast}/{@link Names#cLast} name (a previous segment's outputs),
     *               or null for zeros
     */
    static Feeds of(ModelSpec spec, GraphShape shape, Batch batch, int from, Map<String, INDArray> states) {
        int b = shape.batch();
        if (batch.size() != b) {
            throw new IllegalStateException("graph for " + b + " sequences fed a batch of " + batch.size());
        }
        Map<String, INDArray> f = new HashMap<>();
        Topology topology = spec.topology();
        boolean oneToMany = topology == Topology.ONE_TO_MANY;
        f.put(Names.X, input(spec, batch.input(), shape.steps(), b, from, oneToMany));
        if (oneToMany && spec.encoding() instanceof InputEncoding.Embedding) {
            float[] read = new float[shape.steps() * b];
            Arrays.fill(read, 0, b, 1f);
            f.put(Names.X_MASK, Nd4j.create(read, new long[] {(long) shape.steps() * b, 1}, 'c'));
        }
        if (topology == Topology.MANY_TO_ONE || topology == Topology.ONE_TO_ONE || topology == Topology.SEQ_TO_SEQ) {
            float[] last = new float[shape.steps() * b];
            for (int s = 0; s < b; s++) {
                last[(batch.input().lengths()[s] - 1) * b + s] = 1f;
            }
            f.put(Names.LAST, Nd4j.create(last, new long[] {(long) shape.steps() * b, 1}, 'c'));
        }
        if (topology == Topology.SEQ_TO_SEQ) {
            f.put(Names.DECODER_X, input(spec, batch.decoderInput(), shape.outSteps(), b, 0, false));
        }
        int count = targets(spec, shape, batch.target(), from, f);
        int h = spec.hiddenSize();
        for (int k = 0; k < spec.layers(); k++) {
            f.put(Names.h0(k), state(states, Names.hLast(k), b, h));
            if (spec.cell().hasCellState()) {
                f.put(Names.c0(k), state(states, Names.cLast(k), b, h));
            }
        }
        return new Feeds(f, count);
    }

    // (steps*B, I) values or (steps*B) ids, time-major; only step 0 is read for one-to-many
    private static INDArray input(ModelSpec spec, Sequences in, int steps, int b, int from, boolean firstOnly) {
        InputEncoding enc = spec.encoding();
        int width = enc.inputSize();
        if (enc instanceof InputEncoding.Embedding) {
            int[] ids = new int[steps * b];
            for (int s = 0; s < steps; s++) {
                int t = from + s;
                for (int r = 0; r < b; r++) {
                    if (t < in.time() && (!firstOnly || s == 0)) {
                        ids[s * b + r] = in.ids()[r * in.time() + t];
                    }
                }
            }
            return Nd4j.createFromArray(ids);
        }
        float[] x = new float[steps * b * width];
        for (int s = 0; s < steps; s++) {
            int t = from + s;
            if (t >= in.time() || firstOnly && s > 0) {
                continue;
            }
            for (int r = 0; r < b; r++) {
                int row = (s * b + r) * width;
                if (in.isIds()) {
                    x[row + in.ids()[r * in.time() + t]] = 1f;
                } else {
                    System.arraycopy(in.values(), (r * in.time() + t) * width, x, row, width);
                }
            }
        }
        return Nd4j.create(x, new long[] {(long) steps * b, width}, 'c');
    }

    // puts y, the mask and the norm; returns N
    private static int targets(ModelSpec spec, GraphShape shape, Sequences target, int from, Map<String, INDArray> f) {
        int b = shape.batch();
        int o = spec.outputs();
        int rows = (int) ModelGraph.targetRows(spec, shape);
        int steps = rows / b;
        int offset = spec.topology() == Topology.MANY_TO_MANY ? from : 0;
        float[] y = new float[rows * o];
        float[] mask = new float[rows];
        int count = 0;
        for (int s = 0; s < steps; s++) {
            int t = offset + s;
            if (t >= target.time()) {
                continue;
            }
            for (int r = 0; r < b; r++) {
                int row = s * b + r;
                if (target.valid(r, t)) {
                    mask[row] = 1f;
                    count++;
                }
                if (target.isIds()) {
                    y[row * o + target.ids()[r * target.time() + t]] = 1f;
                } else {
                    System.arraycopy(target.values(), (r * target.time() + t) * o, y, row * o, o);
                }
            }
        }
        f.put(Names.Y, Nd4j.create(y, new long[] {rows, o}, 'c'));
        f.put(Names.Y_MASK, Nd4j.create(mask, new long[] {rows, 1}, 'c'));
        double norm = count == 0 ? 0 : spec.loss() == LossType.MSE ? 1.0 / ((double) count * o) : 1.0 / count;
        f.put(Names.NORM, Nd4j.scalar(DataType.FLOAT, norm));
        return count;
    }

    private static INDArray state(Map<String, INDArray> states, String name, int b, int h) {
        INDArray s = states == null ? null : states.get(name);
        return s != null ? s : Nd4j.zeros(DataType.FLOAT, b, h);
    }
}
