package org.rnnbench.djl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.djl.nn.Nd;
import org.rnnbench.djl.nn.Network;
import org.rnnbench.djl.nn.Pass;
import org.rnnbench.djl.nn.StackKind;
import org.rnnbench.djl.train.Gradients;
import org.rnnbench.djl.train.Updater;

/**
 * A {@link SequenceModel} on DJL's PyTorch engine, float32.
 *
 * <p>Memory: the parameters and Adam's moments live in the model's manager; everything a call creates lives in a
 * sub-manager closed when the call returns (one per truncated-BPTT segment inside it), so native memory stays flat
 * over any number of steps. Results of operations whose first operand is a parameter or a moment are moved into
 * the call's scope explicitly (see {@link Nd}).
 *
 * <p>Gradients: libtorch accumulates them in the parameters; every backward is followed by zeroing, so
 * {@link #gradients} and {@link #hiddenGradientNorms} leave nothing behind for the next train step.
 *
 * <p>Parameter counts: the native count is DJL's own (the fused blocks' parameter lists, or the unrolled stacks'
 * arrays, plus head and embedding). Both keep PyTorch's two recurrent bias vectors, so it equals the canonical
 * count.
 */
public final class DjlModel implements SequenceModel {
    private final ModelSpec spec;
    private final TrainSpec train;
    private final Engine engine;
    private final NDManager manager;
    private final Network network;
    private final List<NDArray> parameters;
    private final Updater updater;
    private boolean closed;

    DjlModel(ModelSpec spec, TrainSpec train, StackKind kind, Engine engine) {
        this.spec = spec;
        this.train = train;
        this.engine = engine;
        this.manager = engine.newBaseManager();
        this.network = new Network(manager, spec, kind);
        this.parameters = List.copyOf(network.parameters().values());
        this.updater = new Updater(train, manager);
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public TrainSpec trainSpec() {
        return train;
    }

    @Override
    public void importWeights(CanonicalWeights weights) {
        open();
        ParameterLayout.of(spec).check(weights.asMap(), "the imported weights");
        // an index put from a temporary array copies into libtorch-owned memory and, unlike NDArray.set(float[]),
        // does not make libtorch print its AutoNonVariableTypeMode deprecation line
        try (NDManager scope = manager.newSubManager()) {
            network.parameters().forEach((name, p) -> p.set(new NDIndex("..."),
                scope.create(weights.data(name), p.getShape())));
        }
        updater.reset();
    }

    @Override
    public CanonicalWeights exportWeights() {
        open();
        ParameterLayout layout = ParameterLayout.of(spec);
        Map<String, Tensor> map = new LinkedHashMap<>();
        network.parameters().forEach((name, p) -> map.put(name,
            new Tensor(name, layout.get(name).shape(), p.toFloatArray())));
        return new CanonicalWeights(layout, map);
    }

    @Override
    public double trainStep(Batch batch) {
        open();
        batch.check(spec);
        if (train.tbptt() > 0) {
            return truncatedStep(batch);
        }
        try (NDManager scope = manager.newSubManager()) {
            Pass pass = backward(scope, batch, false);
            try {
                updater.update(scope, parameters);
            } finally {
                Gradients.zero(parameters);
            }
            return Nd.scalar(pass.loss());
        }
    }

    // segments of tbptt steps, each from the previous one's final states (values only), each its own update
    private double truncatedStep(Batch batch) {
        int time = batch.input().time();
        double weighted = 0;
        int total = 0;
        try (NDManager step = manager.newSubManager()) {
            NDArray h = network.zeroStates(step, batch.size());
            NDArray c = spec.cell().hasCellState() ? network.zeroStates(step, batch.size()) : null;
            for (int from = 0; from < time; from += train.tbptt()) {
                int to = Math.min(time, from + train.tbptt());
                try (NDManager scope = step.newSubManager()) {
                    Pass pass;
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        pass = network.window(scope, batch, from, to, h, c);
                        if (pass.count() == 0) {
                            break; // lengths are prefixes: no later segment has a valid position either
                        }
                        collector.backward(pass.loss());
                    }
                    try {
                        updater.update(scope, parameters);
                    } finally {
                        Gradients.zero(parameters);
                    }
                    weighted += Nd.scalar(pass.loss()) * pass.count();
                    total += pass.count();
                    h = Nd.scoped(step, pass.hN().stopGradient());
                    c = c == null ? null : Nd.scoped(step, pass.cN().stopGradient());
                }
            }
        }
        return total == 0 ? 0 : weighted / total;
    }

    @Override
    public ForwardResult forward(Batch batch) {
        open();
        batch.check(spec);
        try (NDManager scope = manager.newSubManager()) {
            Pass pass = network.forward(scope, batch, false);
            return new ForwardResult(Nd.scalar(pass.loss()), pass.outputs().toFloatArray());
        }
    }

    @Override
    public GradientResult gradients(Batch batch) {
        open();
        batch.check(spec);
        try (NDManager scope = manager.newSubManager()) {
            Pass pass = backward(scope, batch, false);
            try {
                return new GradientResult(Nd.scalar(pass.loss()),
                    Gradients.canonical(scope, ParameterLayout.of(spec), network.parameters()));
            } finally {
                Gradients.zero(parameters);
            }
        }
    }

    @Override
    public double[] hiddenGradientNorms(Batch batch) {
        open();
        batch.check(spec);
        try (NDManager scope = manager.newSubManager()) {
            Pass pass = backward(scope, batch, true);
            Gradients.zero(parameters);
            List<NDArray> probes = pass.probes();
            double[] norms = new double[probes.size()];
            for (int t = 0; t < norms.length; t++) {
                double sum = 0;
                for (float g : Nd.scoped(scope, probes.get(t).getGradient()).toFloatArray()) {
                    sum += (double) g * g;
                }
                norms[t] = Math.sqrt(sum);
            }
            return norms;
        }
    }

    // the full pass with gradients recorded, then backward from its loss
    private Pass backward(NDManager scope, Batch batch, boolean probe) {
        try (GradientCollector collector = engine.newGradientCollector()) {
            Pass pass = network.forward(scope, batch, probe);
            collector.backward(pass.loss());
            return pass;
        }
    }

    @Override
    public long canonicalParameterCount() {
        return ParameterLayout.of(spec).totalSize();
    }

    /**
     * DJL's own count: the fused blocks' parameter lists (or the unrolled stacks' arrays) plus head and
     * embedding. Both keep PyTorch's two recurrent bias vectors, so this equals {@link #canonicalParameterCount}.
     */
    @Override
    public long nativeParameterCount() {
        return network.nativeParameterCount();
    }

    /** The number of arrays the model's manager holds (parameters, Adam's moments): constant from step to step. */
    public int liveArrays() {
        open();
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("this " + spec.id() + " DJL model was closed");
        }
    }
}
