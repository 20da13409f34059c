package org.rnnbench.harness.testing;

import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.ReferenceBackend;
import org.rnnbench.core.weights.CanonicalWeights;

/**
 * Backends that misbehave on purpose, each the test kit's reference with one fault, registered for the harness's
 * tests only (src/test/resources/META-INF/services): they show that a sweep records every kind of ending and that
 * verify catches a difference.
 */
public final class FaultyBackends {
    /** The hidden size on which {@link Crashing} kills its JVM. */
    public static final int CRASH_HIDDEN = 13;

    private FaultyBackends() {
    }

    abstract static class Base implements Backend {
        final ReferenceBackend reference = new ReferenceBackend();

        @Override
        public String description() {
            return "test backend: the reference with a deliberate fault";
        }

        @Override
        public Map<String, String> versions() {
            return Map.of("test", "1");
        }

        @Override
        public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
            return reference.unsupportedReason(model, train);
        }

        @Override
        public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
            return reference.probeStack(cell, weights, input);
        }
    }

    /** Its loss becomes NaN at train step 3. */
    public static final class Diverging extends Base {
        @Override
        public String id() {
            return "reference:diverging";
        }

        @Override
        public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
            return new DelegatingModel(reference.create(model, train, threads)) {
                int steps;

                @Override
                public double trainStep(Batch batch) {
                    double loss = inner.trainStep(batch);
                    return steps++ >= 3 ? Double.NaN : loss;
                }
            };
        }
    }

    /** Throws at train step 2. */
    public static final class Throwing extends Base {
        @Override
        public String id() {
            return "reference:throwing";
        }

        @Override
        public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
            return new DelegatingModel(reference.create(model, train, threads)) {
                int steps;

                @Override
                public double trainStep(Batch batch) {
                    if (steps++ == 2) {
                        throw new IllegalStateException("simulated failure\nsecond line");
                    }
                    return inner.trainStep(batch);
                }
            };
        }
    }

    /** Kills its JVM (exit code 134, as a native abort) in the first train step of a model of hidden size 13. */
    public static final class Crashing extends Base {
        @Override
        public String id() {
            return "reference:crashing";
        }

        @Override
        public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
            return new DelegatingModel(reference.create(model, train, threads)) {
                @Override
                public double trainStep(Batch batch) {
                    if (spec().hiddenSize() == CRASH_HIDDEN) {
                        System.err.println("simulated native abort");
                        Runtime.getRuntime().halt(134);
                    }
                    return inner.trainStep(batch);
                }
            };
        }
    }

    /** Its stack probe's outputs are 0.1% too large; training is the reference's. */
    public static final class Skewed extends Base {
        @Override
        public String id() {
            return "reference:skewed";
        }

        @Override
        public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
            return reference.create(model, train, threads);
        }

        @Override
        public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
            StackProbe p = reference.probeStack(cell, weights, input);
            float[] out = p.output().clone();
            for (int i = 0; i < out.length; i++) {
                out[i] *= 1.001f;
            }
            return new StackProbe(out, p.hN(), p.cN(), p.inputGradient(), p.weightGradients());
        }
    }

    /** Runs GRU stacks only, like a framework variant made for one cell. */
    public static final class GruOnly extends Base {
        @Override
        public String id() {
            return "reference:gru-only";
        }

        @Override
        public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
            return model.cell() == org.rnnbench.core.spec.CellType.GRU ? reference.unsupportedReason(model, train)
                : Optional.of("runs only GRU cells");
        }

        @Override
        public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
            return reference.create(model, train, threads);
        }
    }
}
