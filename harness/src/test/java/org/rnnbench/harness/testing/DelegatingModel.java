package org.rnnbench.harness.testing;

import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;

/** A model that forwards every call to another; subclasses change one behaviour. */
class DelegatingModel implements SequenceModel {
    final SequenceModel inner;

    DelegatingModel(SequenceModel inner) {
        this.inner = inner;
    }

    @Override
    public ModelSpec spec() {
        return inner.spec();
    }

    @Override
    public TrainSpec trainSpec() {
        return inner.trainSpec();
    }

    @Override
    public void importWeights(CanonicalWeights weights) {
        inner.importWeights(weights);
    }

    @Override
    public CanonicalWeights exportWeights() {
        return inner.exportWeights();
    }

    @Override
    public double trainStep(Batch batch) {
        return inner.trainStep(batch);
    }

    @Override
    public ForwardResult forward(Batch batch) {
        return inner.forward(batch);
    }

    @Override
    public GradientResult gradients(Batch batch) {
        return inner.gradients(batch);
    }

    @Override
    public double[] hiddenGradientNorms(Batch batch) {
        return inner.hiddenGradientNorms(batch);
    }

    @Override
    public long canonicalParameterCount() {
        return inner.canonicalParameterCount();
    }

    @Override
    public long nativeParameterCount() {
        return inner.nativeParameterCount();
    }

    @Override
    public void close() {
        inner.close();
    }
}
