package org.rnnbench.djl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.LifecycleModel;
import org.rnnbench.core.backend.TruncatedBptt;
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
 * A {@link org.rnnbench.core.backend.SequenceModel} on DJL's PyTorch engine, float32.
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
public final class DjlModel extends LifecycleModel {
    private final Engine engine;
    private final NDManager manager;
    private final Network network;
    private final List<NDArray> parameters;
    private final Updater updater;

    DjlModel(Backend backend, ModelSpec spec, TrainSpec train, StackKind kind, Engine engine) {
        super(backend, spec, train);
        this.engine = engine;
        this.manager = engine.newBaseManager();
        this.network = new Network(manager, spec, kind);
        this.parameters = List.copyOf(network.parameters().values());
        this.updater = new Updater(train, manager);
    }

    @Override
    protected void doImportWeights(CanonicalWeights weights) {
        DjlEngine.prepareThread();
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
    protected CanonicalWeights doExportWeights() {
        DjlEngine.prepareThread();
        ParameterLayout layout = ParameterLayout.of(spec);
        Map<String, Tensor> map = new LinkedHashMap<>();
        network.parameters().forEach((name, p) -> map.put(name,
            new Tensor(name, layout.get(name).shape(), p.toFloatArray())));
        return new CanonicalWeights(layout, map);
    }

    @Override
    protected double doTrainStep(Batch batch) {
        synchronized (DjlEngine.RECORDING) {
            DjlEngine.prepareThread();
            return trainStepRecorded(batch);
        }
    }

    private double trainStepRecorded(Batch batch) {
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

    // core's segments of tbptt steps, each from the previous one's final states (values only), each its own update
    private double truncatedStep(Batch batch) {
        TruncatedBptt.Loss loss = new TruncatedBptt.Loss();
        try (NDManager step = manager.newSubManager()) {
            NDArray h = network.zeroStates(step, batch.size());
            NDArray c = spec.cell().hasCellState() ? network.zeroStates(step, batch.size()) : null;
            for (TruncatedBptt.Segment segment : segments(batch)) {
                try (NDManager scope = step.newSubManager()) {
                    Pass pass;
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        pass = network.window(scope, batch, segment.start(), segment.end(), h, c);
                        collector.backward(pass.loss());
                    }
                    try {
                        updater.update(scope, parameters);
                    } finally {
                        Gradients.zero(parameters);
                    }
                    loss.add(segment, Nd.scalar(pass.loss()));
                    h = Nd.scoped(step, pass.hN().stopGradient());
                    c = c == null ? null : Nd.scoped(step, pass.cN().stopGradient());
                }
            }
        }
        return loss.mean();
    }

    @Override
    protected ForwardResult doForward(Batch batch) {
        DjlEngine.prepareThread();
        try (NDManager scope = manager.newSubManager()) {
            Pass pass = network.forward(scope, batch, false);
            return new ForwardResult(Nd.scalar(pass.loss()), pass.outputs().toFloatArray());
        }
    }

    @Override
    protected GradientResult doGradients(Batch batch) {
        synchronized (DjlEngine.RECORDING) {
            DjlEngine.prepareThread();
            return gradientsRecorded(batch);
        }
    }

    private GradientResult gradientsRecorded(Batch batch) {
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
    protected double[] doHiddenGradientNorms(Batch batch) {
        synchronized (DjlEngine.RECORDING) {
            DjlEngine.prepareThread();
            return hiddenGradientNormsRecorded(batch);
        }
    }

    private double[] hiddenGradientNormsRecorded(Batch batch) {
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
    protected void release() {
        manager.close();
    }
}
