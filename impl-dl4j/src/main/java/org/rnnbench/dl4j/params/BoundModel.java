package org.rnnbench.dl4j.params;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.LifecycleModel;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;

/**
 * What every model of this backend shares beyond core's {@link LifecycleModel}: its native parameters bound to the
 * canonical layout (import, export, native count) and its {@link Updater}, which an import resets.
 */
public abstract class BoundModel extends LifecycleModel {
    /** Clipping and updates. */
    protected final Updater updater;

    /**
     * @throws IllegalArgumentException when {@code backend} cannot run the combination
     */
    protected BoundModel(Backend backend, ModelSpec spec, TrainSpec train) {
        super(backend, spec, train);
        this.updater = new Updater(train);
    }

    /** The native parameters. */
    protected abstract ParameterBindings bindings();

    @Override
    protected void doImportWeights(CanonicalWeights weights) {
        bindings().load(weights);
        updater.reset();
    }

    @Override
    protected CanonicalWeights doExportWeights() {
        return bindings().store();
    }

    @Override
    public long nativeParameterCount() {
        return bindings().nativeCount();
    }
}
