package org.rnnbench.core.testkit;

import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * The reference {@link SequenceModel}: double precision inside, float canonical weights at the boundary (import
 * widens them, export rounds them). Slow and plain on purpose; every other backend is checked against it.
 *
 * <p>Training follows {@link TrainSpec}: full BPTT, global-norm clipping over all parameters, then SGD or Adam.
 * Under truncated BPTT (many-to-many only) the batch is cut into segments of {@code tbptt} steps; each segment
 * starts from the previous segment's final states (values only: no gradient flows back across the cut), counts
 * the loss of its own valid positions, and gets its own clip and update (its own Adam step). A segment without a
 * valid position changes nothing and does not advance Adam's step count. The returned loss is the mean over all
 * valid positions (segment losses weighted by their counts), or 0 when the batch has none. A non-finite loss is
 * returned, never thrown.
 */
public final class ReferenceModel implements SequenceModel {
    private final ModelSpec spec;
    private final TrainSpec train;
    private final ReferenceNetwork network;
    private final ReferenceOptimizer optimizer;
    private ReferenceWeights weights;
    private boolean closed;

    /** A model with zero weights; import canonical ones before use. */
    public ReferenceModel(ModelSpec spec, TrainSpec train) {
        String reason = train.incompatibility(spec);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        this.spec = spec;
        this.train = train;
        this.network = new ReferenceNetwork(spec);
        this.optimizer = new ReferenceOptimizer(train);
        this.weights = ReferenceWeights.zeros(ParameterLayout.of(spec));
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public TrainSpec trainSpec() {
        return train;
    }

    /** The network this model runs. */
    public ReferenceNetwork network() {
        return network;
    }

    /** The current parameters in double precision (shared: callers must not change them). */
    public ReferenceWeights weights() {
        return weights;
    }

    @Override
    public void importWeights(CanonicalWeights canonical) {
        open();
        ParameterLayout.of(spec).check(canonical.asMap(), "the imported weights");
        weights = ReferenceWeights.of(canonical);
        optimizer.reset();
    }

    @Override
    public CanonicalWeights exportWeights() {
        open();
        return weights.toCanonical();
    }

    @Override
    public double trainStep(Batch batch) {
        open();
        if (train.tbptt() > 0) {
            return truncatedStep(batch);
        }
        ReferencePass pass = network.forward(weights, batch);
        optimizer.update(weights, pass.backward().gradients());
        return pass.loss();
    }

    private double truncatedStep(Batch batch) {
        int time = batch.input().time();
        double[][][] h = null;
        double[][][] c = null;
        double weighted = 0;
        int total = 0;
        for (int from = 0; from < time; from += train.tbptt()) {
            int to = Math.min(time, from + train.tbptt());
            ReferencePass pass = network.forwardWindow(weights, batch, from, to, h, c);
            h = pass.finalH();
            c = pass.finalC();
            if (pass.count() > 0) {
                optimizer.update(weights, pass.backward().gradients());
                weighted += pass.loss() * pass.count();
                total += pass.count();
            }
        }
        return total == 0 ? 0 : weighted / total;
    }

    @Override
    public ForwardResult forward(Batch batch) {
        open();
        ReferencePass pass = network.forward(weights, batch);
        return new ForwardResult(pass.loss(), pass.flatOutputs());
    }

    @Override
    public GradientResult gradients(Batch batch) {
        open();
        ReferencePass pass = network.forward(weights, batch);
        return new GradientResult(pass.loss(), pass.backward().gradients().toCanonical());
    }

    /** The loss and its gradient in double precision (full BPTT, no clipping). */
    public ReferencePass.Gradients gradientsInDouble(Batch batch) {
        open();
        return network.forward(weights, batch).backward();
    }

    /** The total dL/dh_t (T, B, H) of the encoder's top layer at every recurrent step, full BPTT. */
    public double[][][] hiddenGradients(Batch batch) {
        return gradientsInDouble(batch).dhTop();
    }

    @Override
    public double[] hiddenGradientNorms(Batch batch) {
        double[][][] dh = hiddenGradients(batch);
        double[] norms = new double[dh.length];
        for (int t = 0; t < dh.length; t++) {
            double sum = 0;
            for (double[] row : dh[t]) {
                for (double v : row) {
                    sum += v * v;
                }
            }
            norms[t] = Math.sqrt(sum);
        }
        return norms;
    }

    @Override
    public long canonicalParameterCount() {
        return ParameterLayout.of(spec).totalSize();
    }

    /** The same as the canonical count: the reference holds exactly the canonical tensors. */
    @Override
    public long nativeParameterCount() {
        return canonicalParameterCount();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("this reference model was closed");
        }
    }
}
