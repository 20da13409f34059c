package org.rnnbench.core.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;

/** The models and the two-thread run of the contract suite's lifecycle checks. */
final class Lifecycle {
    /** Train steps of each model in the two-thread check. */
    static final int STEPS = 3;

    private Lifecycle() {
    }

    /** A small many-to-many model of the cell: dense input, one layer, MSE. */
    static ModelSpec model(CellType cell) {
        return ContractCases.model(new InputEncoding.Dense(ContractCases.FEATURES), cell, 1, Topology.MANY_TO_MANY,
            LossType.MSE);
    }

    /** A model's weights and batch, both from {@code seed}. */
    record Job(CanonicalWeights weights, Batch batch) {
        /** {@link #STEPS} train steps, then a forward pass. */
        Outcome run(SequenceModel m) {
            double[] losses = new double[STEPS];
            for (int s = 0; s < STEPS; s++) {
                losses[s] = m.trainStep(batch);
            }
            return new Outcome(losses, m.forward(batch).outputs());
        }
    }

    /** What a job gave. */
    record Outcome(double[] losses, float[] outputs) {
    }

    static Job job(ModelSpec spec, long seed) {
        return new Job(Initializer.initialize(spec, Init.PYTORCH, seed), RandomBatches.of(spec, seed));
    }

    /**
     * Every job on a thread of its own, at once: each thread creates its model and imports its weights, all wait
     * until every model is loaded, then each runs its job.
     *
     * @throws AssertionError when a thread failed, with its exception as the cause
     */
    static List<Outcome> together(List<Job> jobs, Supplier<SequenceModel> create) {
        CyclicBarrier loaded = new CyclicBarrier(jobs.size());
        Outcome[] outcomes = new Outcome[jobs.size()];
        Throwable[] failures = new Throwable[jobs.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try (SequenceModel m = create.get()) {
                    m.importWeights(jobs.get(index).weights());
                    loaded.await();
                    outcomes[index] = jobs.get(index).run(m);
                } catch (Throwable e) {
                    failures[index] = e;
                    loaded.reset(); // the other threads stop waiting (BrokenBarrierException)
                }
            }, "contract-model-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the model threads", e);
            }
        }
        for (Throwable f : failures) {
            if (f != null && !(f instanceof BrokenBarrierException)) {
                throw new AssertionError("a model failed on its thread: " + f, f);
            }
        }
        return List.of(outcomes);
    }
}
