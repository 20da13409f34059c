package org.rnnbench.core.backend;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * The lifecycle every backend's {@link SequenceModel} shares, so that each backend writes only its computation:
 * <ul>
 *   <li>the unsupported-combination check, once: constructing a model the backend cannot run
 *       ({@link Backend#unsupportedReason}) throws {@link IllegalArgumentException} with the reason;</li>
 *   <li>the closed guard: after {@link #close} every method that computes or moves weights throws
 *       {@link IllegalStateException} saying the model was closed; closing twice is harmless and the backend's
 *       {@link #release} runs once;</li>
 *   <li>every batch is checked against the spec before the backend sees it ({@link Batch#check});</li>
 *   <li>the truncated-BPTT segment rule of {@link TruncatedBptt} ({@link #segments}).</li>
 * </ul>
 * Subclasses implement the {@code do...} methods, which are called only on an open model with a checked batch.
 */
public abstract class LifecycleModel implements SequenceModel {
    /** The model. */
    protected final ModelSpec spec;
    /** How it is trained. */
    protected final TrainSpec train;
    private final String backendId;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A model of {@code backend}.
     *
     * @throws IllegalArgumentException when the backend cannot run the combination
     */
    protected LifecycleModel(Backend backend, ModelSpec spec, TrainSpec train) {
        backend.unsupportedReason(spec, train).ifPresent(reason -> {
            throw new IllegalArgumentException("the " + backend.id() + " backend cannot run " + spec.id() + ": "
                + reason);
        });
        this.spec = spec;
        this.train = train;
        this.backendId = backend.id();
    }

    @Override
    public final ModelSpec spec() {
        return spec;
    }

    @Override
    public final TrainSpec trainSpec() {
        return train;
    }

    @Override
    public final void importWeights(CanonicalWeights weights) {
        open();
        doImportWeights(weights);
    }

    @Override
    public final CanonicalWeights exportWeights() {
        open();
        return doExportWeights();
    }

    @Override
    public final double trainStep(Batch batch) {
        open(batch);
        return doTrainStep(batch);
    }

    @Override
    public final ForwardResult forward(Batch batch) {
        open(batch);
        return doForward(batch);
    }

    @Override
    public final GradientResult gradients(Batch batch) {
        open(batch);
        return doGradients(batch);
    }

    @Override
    public final double[] hiddenGradientNorms(Batch batch) {
        open(batch);
        return doHiddenGradientNorms(batch);
    }

    /** PyTorch's count, from the canonical layout. */
    @Override
    public long canonicalParameterCount() {
        return ParameterLayout.of(spec).totalSize();
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** The truncated-BPTT segments of a train step on {@code batch} ({@link TruncatedBptt#segments}). */
    protected final List<TruncatedBptt.Segment> segments(Batch batch) {
        return TruncatedBptt.segments(batch, train.tbptt());
    }

    /**
     * Fails once the model is closed.
     *
     * @throws IllegalStateException naming the backend and the model
     */
    protected final void open() {
        if (closed.get()) {
            throw new IllegalStateException("this " + backendId + " model of " + spec.id()
                + " was closed; create another to go on");
        }
    }

    private void open(Batch batch) {
        open();
        batch.check(spec);
    }

    /** {@link #importWeights}. */
    protected abstract void doImportWeights(CanonicalWeights weights);

    /** {@link #exportWeights}. */
    protected abstract CanonicalWeights doExportWeights();

    /** {@link #trainStep}; under truncated BPTT one update per segment of {@link #segments}. */
    protected abstract double doTrainStep(Batch batch);

    /** {@link #forward}. */
    protected abstract ForwardResult doForward(Batch batch);

    /** {@link #gradients}. */
    protected abstract GradientResult doGradients(Batch batch);

    /** {@link #hiddenGradientNorms}. */
    protected abstract double[] doHiddenGradientNorms(Batch batch);

    /** Frees what the model holds (native memory, threads); called once, by the first {@link #close}. */
    protected abstract void release();
}
