package org.rnnbench.scratch;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.LifecycleModel;
import org.rnnbench.core.backend.TruncatedBptt;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.scratch.net.Network;
import org.rnnbench.scratch.net.Updater;
import org.rnnbench.scratch.parallel.WorkerPool;

/**
 * A scratch model: a {@link Network} on flat float32 buffers, an {@link Updater}, and a {@link WorkerPool} of its
 * own threads, closed with the model. The parameters are held exactly in the canonical layout, so the native
 * parameter count equals the canonical one. A train step with a batch of a shape seen before allocates nothing.
 */
final class ScratchModel extends LifecycleModel {
    private final WorkerPool pool;
    private final Network network;
    private final Updater updater;
    /** The loss of a truncated step, reused by every step. */
    private final TruncatedBptt.Loss truncatedLoss = new TruncatedBptt.Loss();

    ScratchModel(Backend backend, ModelSpec spec, TrainSpec train, int threads) {
        super(backend, spec, train);
        this.pool = new WorkerPool(threads);
        this.network = new Network(spec, pool);
        this.updater = new Updater(train, network.layout().size(), pool);
        network.refresh();
    }

    @Override
    protected void doImportWeights(CanonicalWeights weights) {
        network.layout().copyIn(weights, network.parameters());
        network.refresh();
        updater.reset();
    }

    @Override
    protected CanonicalWeights doExportWeights() {
        return network.layout().copyOut(network.parameters());
    }

    @Override
    protected double doTrainStep(Batch batch) {
        if (train.tbptt() > 0) {
            return truncatedStep(batch);
        }
        double loss = network.forward(batch, 0, batch.input().time(), 0);
        if (network.validCount() > 0) {
            network.backward(null);
            update();
        }
        return loss;
    }

    /** Truncated BPTT: one forward, backward and update per segment ({@link TruncatedBptt}). */
    private double truncatedStep(Batch batch) {
        // TruncatedBptt's segment rule through its allocation-free steps: a train step allocates nothing
        truncatedLoss.reset();
        int previous = 0;
        for (int start = 0, end; (end = TruncatedBptt.next(batch, train.tbptt(), start)) > 0; start = end) {
            truncatedLoss.add(TruncatedBptt.validPositions(batch, start, end),
                network.forward(batch, start, end - start, previous));
            previous = end - start;
            network.backward(null);
            update();
        }
        return truncatedLoss.mean();
    }

    private void update() {
        updater.apply(network.parameters(), network.gradients());
        network.refresh();
    }

    @Override
    protected ForwardResult doForward(Batch batch) {
        double loss = network.forward(batch, 0, batch.input().time(), 0);
        return new ForwardResult(loss, network.outputs());
    }

    @Override
    protected GradientResult doGradients(Batch batch) {
        double loss = network.forward(batch, 0, batch.input().time(), 0);
        network.backward(null);
        return new GradientResult(loss, network.layout().copyOut(network.gradients()));
    }

    @Override
    protected double[] doHiddenGradientNorms(Batch batch) {
        network.forward(batch, 0, batch.input().time(), 0);
        double[] norms = new double[batch.recurrentSteps(spec.topology())];
        network.backward(norms);
        return norms;
    }

    /** Equal to the canonical count: the flat buffer holds exactly the canonical parameters. */
    @Override
    public long nativeParameterCount() {
        return network.layout().size();
    }

    @Override
    protected void release() {
        pool.close();
    }
}
