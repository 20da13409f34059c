package org.rnnbench.scratch;

import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.SequenceModel;
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
final class ScratchModel implements SequenceModel {
    private final ModelSpec spec;
    private final TrainSpec train;
    private final WorkerPool pool;
    private final Network network;
    private final Updater updater;

    ScratchModel(ModelSpec spec, TrainSpec train, int threads) {
        this.spec = spec;
        this.train = train;
        this.pool = new WorkerPool(threads);
        this.network = new Network(spec, pool);
        this.updater = new Updater(train, network.layout().size(), pool);
        network.refresh();
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
        network.layout().copyIn(weights, network.parameters());
        network.refresh();
        updater.reset();
    }

    @Override
    public CanonicalWeights exportWeights() {
        return network.layout().copyOut(network.parameters());
    }

    @Override
    public double trainStep(Batch batch) {
        batch.check(spec);
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

    /** Truncated BPTT: one forward, backward and update per segment of {@code tbptt} steps. */
    private double truncatedStep(Batch batch) {
        int time = batch.input().time();
        double weighted = 0;
        long positions = 0;
        int previous = 0;
        for (int t0 = 0; t0 < time; t0 += train.tbptt()) {
            int length = Math.min(train.tbptt(), time - t0);
            double loss = network.forward(batch, t0, length, previous);
            previous = length;
            int count = network.validCount();
            if (count == 0) {
                break;
            }
            network.backward(null);
            update();
            weighted += loss * count;
            positions += count;
        }
        return positions == 0 ? 0 : weighted / positions;
    }

    private void update() {
        updater.apply(network.parameters(), network.gradients());
        network.refresh();
    }

    @Override
    public ForwardResult forward(Batch batch) {
        batch.check(spec);
        double loss = network.forward(batch, 0, batch.input().time(), 0);
        return new ForwardResult(loss, network.outputs());
    }

    @Override
    public GradientResult gradients(Batch batch) {
        batch.check(spec);
        double loss = network.forward(batch, 0, batch.input().time(), 0);
        network.backward(null);
        return new GradientResult(loss, network.layout().copyOut(network.gradients()));
    }

    @Override
    public double[] hiddenGradientNorms(Batch batch) {
        batch.check(spec);
        network.forward(batch, 0, batch.input().time(), 0);
        double[] norms = new double[batch.recurrentSteps(spec.topology())];
        network.backward(norms);
        return norms;
    }

    @Override
    public long canonicalParameterCount() {
        return network.layout().size();
    }

    /** Equal to the canonical count: the flat buffer holds exactly the canonical parameters. */
    @Override
    public long nativeParameterCount() {
        return network.layout().size();
    }

    @Override
    public void close() {
        pool.close();
    }
}
