package org.rnnbench.core.backend;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;

/**
 * A model of one backend, built for one {@link ModelSpec} and {@link TrainSpec}.
 *
 * <p>Lifecycle: {@link Backend#create} -&gt; {@link #importWeights} (the same canonical weights go into every
 * backend) -&gt; any sequence of {@link #trainStep}, {@link #forward}, {@link #gradients},
 * {@link #hiddenGradientNorms} -&gt; {@link #exportWeights} -&gt; {@link #close}. Only {@code trainStep} and
 * {@code importWeights} change the model. A model is used from one thread at a time.
 *
 * <p>Semantics are those of the spec records: the cell equations of
 * {@link org.rnnbench.core.spec.CellType}, the time alignment of {@link org.rnnbench.core.spec.Topology}, the loss
 * normalisation of {@link org.rnnbench.core.spec.LossType}, the update rules of
 * {@link org.rnnbench.core.spec.Optimizer} and the clipping and truncation of {@link TrainSpec}. Initial states
 * are zero. A non-finite loss is a result, not an error: it is returned as NaN or infinity and never thrown.
 */
public interface SequenceModel extends AutoCloseable {

    /** The model being trained. */
    ModelSpec spec();

    /** How it is trained. */
    TrainSpec trainSpec();

    /**
     * Replaces every parameter with canonical weights and resets the optimizer state (Adam moments, step count).
     *
     * @throws IllegalArgumentException when the weights do not fit the spec's layout
     */
    void importWeights(CanonicalWeights weights);

    /** The current parameters in canonical layout. */
    CanonicalWeights exportWeights();

    /**
     * One train step on a batch: forward, BPTT (truncated when the train spec says so), global-norm clipping and
     * one optimizer update (one per segment under truncated BPTT).
     *
     * @return the batch loss before the update; NaN or infinite when training diverged
     */
    double trainStep(Batch batch);

    /** The loss and the head's raw outputs (B, T_out, O) with the current parameters; changes nothing. */
    ForwardResult forward(Batch batch);

    /** The loss and its gradient for every canonical parameter (full BPTT, no clipping); changes nothing. */
    GradientResult gradients(Batch batch);

    /**
     * The norm of the total derivative dL/dh_t of the loss with respect to the top layer's hidden state (of the
     * encoder, for encoder-decoder) at every recurrent step t: the Frobenius norm over the batch and hidden units,
     * under full BPTT. The curve of the vanishing-gradient problem. Changes nothing.
     *
     * @return one norm per recurrent step ({@link Batch#recurrentSteps})
     */
    double[] hiddenGradientNorms(Batch batch);

    /** The number of canonical parameters (PyTorch's count). */
    long canonicalParameterCount();

    /**
     * The number of parameters the backend itself holds, which may differ from the canonical count (a framework
     * with a single bias per gate has fewer); implementations say why in their javadoc.
     */
    long nativeParameterCount();

    /** Frees native memory; the model cannot be used afterwards. */
    @Override
    void close();
}
