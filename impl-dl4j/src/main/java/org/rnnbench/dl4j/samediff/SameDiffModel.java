package org.rnnbench.dl4j.samediff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.TruncatedBptt;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.dl4j.params.BoundModel;
import org.rnnbench.dl4j.params.ParameterBindings;
import org.rnnbench.dl4j.runtime.NativeMemory;

/**
 * A {@link org.rnnbench.core.backend.SequenceModel} on SameDiff graphs unrolled over time ({@link ModelGraph}), one graph per
 * {@link GraphShape}, built on first use and shared through {@link GraphCache} with every model of the same spec.
 * Step counts are bucketed ({@link GraphShape#bucket}) so that batches of nearby lengths share a graph. The model
 * owns its parameter arrays and binds them to the graph for each call.
 *
 * <p>Truncated BPTT: a graph of {@code tbptt} steps whose initial states are placeholders; each segment starts from
 * the previous segment's final states (computed with the weights before that segment's update, and fed as values,
 * so no gradient crosses the cut) and gets its own clip and update; the segments are core's
 * ({@link TruncatedBptt}).
 *
 * <p>Native parameter count: with {@link LayerKind#UNROLLED} the graph holds the canonical tensors themselves (two
 * biases per layer), so it equals the canonical count; with {@link LayerKind#FUSED_GRU} each layer has one bias of
 * 3H instead of two, 3H fewer per layer.
 */
public final class SameDiffModel extends BoundModel {
    private final LayerKind kind;
    private final SdParameters params;
    private final List<String> variables;

    /**
     * @throws IllegalArgumentException when the train spec does not apply to the model
     */
    public SameDiffModel(Backend backend, ModelSpec spec, TrainSpec train, LayerKind kind) {
        super(backend, spec, train);
        this.kind = kind;
        this.params = SdParameters.of(spec, kind);
        this.variables = new ArrayList<>(params.arrays().keySet());
    }

    @Override
    protected ParameterBindings bindings() {
        return params.bindings();
    }

    @Override
    protected double doTrainStep(Batch batch) {
        double loss = train.tbptt() > 0 ? truncatedStep(batch) : fullStep(batch);
        NativeMemory.afterStep();
        return loss;
    }

    private double fullStep(Batch batch) {
        ModelGraph g = graph(batch, false);
        GraphFeeds.Feeds feeds = GraphFeeds.of(spec, g.shape(), batch, 0, null);
        return g.gradients(params.arrays(), feeds.values(), List.of(Names.LOSS), variables, og -> {
            updater.apply(params.tensors(), og.getGradients());
            return og.getOutputs().get(Names.LOSS).getDouble(0);
        });
    }

    private double truncatedStep(Batch batch) {
        int length = train.tbptt();
        ModelGraph g = graph(new GraphShape(batch.size(), length, 0, false));
        List<String> stateNames = new ArrayList<>();
        for (int k = 0; k < spec.layers(); k++) {
            stateNames.add(Names.hLast(k));
            if (spec.cell().hasCellState()) {
                stateNames.add(Names.cLast(k));
            }
        }
        Map<String, INDArray> states = null;
        TruncatedBptt.Loss loss = new TruncatedBptt.Loss();
        for (TruncatedBptt.Segment segment : segments(batch)) {
            GraphFeeds.Feeds feeds = GraphFeeds.of(spec, g.shape(), batch, segment.start(), states);
            List<String> outputs = new ArrayList<>(stateNames);
            outputs.add(Names.LOSS);
            Map<String, INDArray> next = new HashMap<>();
            loss.add(segment, g.gradients(params.arrays(), feeds.values(), outputs, variables, og -> {
                updater.apply(params.tensors(), og.getGradients());
                stateNames.forEach(n -> next.put(n, og.getOutputs().get(n).dup()));
                return og.getOutputs().get(Names.LOSS).getDouble(0);
            }));
            states = next;
        }
        return loss.mean();
    }

    @Override
    protected ForwardResult doForward(Batch batch) {
        ModelGraph g = graph(batch, false);
        GraphFeeds.Feeds feeds = GraphFeeds.of(spec, g.shape(), batch, 0, null);
        Map<String, INDArray> out = g.output(params.arrays(), feeds.values(), Names.LOGITS, Names.LOSS);
        float[] outputs = Outputs.toBatchMajor(spec, g.shape(), batch.target().time(), out.get(Names.LOGITS));
        NativeMemory.afterStep();
        return new ForwardResult(out.get(Names.LOSS).getDouble(0), outputs);
    }

    @Override
    protected GradientResult doGradients(Batch batch) {
        ModelGraph g = graph(batch, false);
        GraphFeeds.Feeds feeds = GraphFeeds.of(spec, g.shape(), batch, 0, null);
        GradientResult result = g.gradients(params.arrays(), feeds.values(), List.of(Names.LOSS), variables,
            og -> new GradientResult(og.getOutputs().get(Names.LOSS).getDouble(0),
                params.bindings().gradients(og.getGradients())));
        NativeMemory.afterStep();
        return result;
    }

    @Override
    protected double[] doHiddenGradientNorms(Batch batch) {
        ModelGraph g = graph(batch, true);
        GraphFeeds.Feeds feeds = GraphFeeds.of(spec, g.shape(), batch, 0, null);
        int steps = batch.recurrentSteps(spec.topology());
        List<String> tops = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            tops.add(Names.top(t));
        }
        double[] norms = g.gradients(params.arrays(), feeds.values(), List.of(Names.LOSS), tops, og -> {
            double[] n = new double[steps];
            for (int t = 0; t < steps; t++) {
                INDArray d = og.getGradients().get(Names.top(t));
                n[t] = d == null ? 0 : d.norm2Number().doubleValue();
            }
            return n;
        });
        NativeMemory.afterStep();
        return norms;
    }

    @Override
    protected void release() {
        // the parameter arrays are ND4J's, freed with the workspace; the graphs are shared (GraphCache)
    }

    private ModelGraph graph(Batch batch, boolean namedSteps) {
        int steps = spec.topology() == Topology.ONE_TO_ONE ? 1 : GraphShape.bucket(batch.recurrentSteps(spec.topology()));
        int outSteps = spec.hasDecoder() ? GraphShape.bucket(batch.target().time()) : 0;
        return graph(new GraphShape(batch.size(), steps, outSteps, namedSteps && kind != LayerKind.UNROLLED));
    }

    private ModelGraph graph(GraphShape shape) {
        return GraphCache.get(spec, kind, shape, params.arrays());
    }
}
