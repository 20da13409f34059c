package org.rnnbench.core.testkit;

import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * The reference backend (id {@code reference}): {@link ReferenceModel} and {@link ReferenceProbe}. It runs every
 * spec the contract allows; its only refusal is the train spec's own {@link TrainSpec#incompatibility}. It lives in
 * the test-jar and is deliberately not registered with {@link java.util.ServiceLoader}.
 */
public final class ReferenceBackend implements Backend {
    /** The id. */
    public static final String ID = "reference";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "naive double-precision reference of the whole contract (test-jar only)";
    }

    @Override
    public Map<String, String> versions() {
        return Map.of();
    }

    @Override
    public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
        return Optional.ofNullable(train.incompatibility(model));
    }

    @Override
    public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
        return new ReferenceModel(model, train);
    }

    @Override
    public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
        ParameterLayout.of(cell).check(weights.asMap(), "the stack weights");
        if (input.isIds() || input.width() != cell.inputSize()) {
            throw new IllegalArgumentException("a stack probe needs dense input of width " + cell.inputSize()
                + ", got " + input);
        }
        double[] x = new double[input.values().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = input.values()[i];
        }
        ReferenceProbe.Result r = ReferenceProbe.run(cell, ReferenceWeights.of(weights), x, input.batch(),
            input.time());
        return new StackProbe(toFloat(r.output()), toFloat(r.hN()), r.cN() == null ? null : toFloat(r.cN()),
            toFloat(r.inputGradient()), r.weightGradients().toCanonical());
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
