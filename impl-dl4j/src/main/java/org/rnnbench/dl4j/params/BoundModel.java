package org.rnnbench.dl4j.params;

import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * What every model of this backend shares: its specs, its native parameters bound to the canonical layout (import,
 * export, counts) and its {@link Updater}, which an import resets.
 */
public abstract class BoundModel implements SequenceModel {
    /** The model. */
    protected final ModelSpec spec;
    /** How it is trained. */
    protected final TrainSpec train;
    /** Clipping and updates. */
    protected final Updater updater;
    private boolean closed;

    /**
     * @throws IllegalArgumentException when the train spec does not apply to the model
     */
    protected BoundModel(ModelSpec spec, TrainSpec train) {
        String reason = train.incompatibility(spec);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        this.spec = spec;
        this.train = train;
        this.updater = new Updater(train);
    }

    /** The native parameters. */
    protected abstract ParameterBindings bindings();

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
        bindings().load(weights);
        updater.reset();
    }

    @Override
    public CanonicalWeights exportWeights() {
        open();
        return bindings().store();
    }

    @Override
    public long canonicalParameterCount() {
        return ParameterLayout.of(spec).totalSize();
    }

    @Override
    public long nativeParameterCount() {
        return bindings().nativeCount();
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Fails once the model is closed. */
    protected void open() {
        if (closed) {
            throw new IllegalStateException("this " + spec.id() + " model was closed");
        }
    }

    /** Fails once the model is closed, or when the batch does not fit the spec. */
    protected void open(Batch batch) {
        open();
        batch.check(spec);
    }
}
