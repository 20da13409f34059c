package org.rnnbench.core.cost;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/**
 * The cost of a run in FLOPs, by the formulas of {@link Costs}: what a train step of a model on a batch costs, and
 * what a whole run costs (its train steps on the task's batches and one evaluation), for estimating how long units
 * take relative to each other (a progress ETA, sharing units among machines). Every backend computes the same
 * products, so the cost does not depend on the backend.
 */
public final class RunCost {
    /** Sequences of a task's evaluation set assumed by {@link #flops(SequenceTask, RunParams)}. */
    public static final int EVALUATION_SEQUENCES_ESTIMATE = 1024;

    private RunCost() {
    }

    /**
     * The estimated FLOPs of a whole run: {@code steps} train steps on batches like the task's first one, plus a
     * forward pass over {@value #EVALUATION_SEQUENCES_ESTIMATE} evaluation sequences.
     *
     * @throws IllegalArgumentException when the task cannot make the model of {@code params}
     */
    public static double flops(SequenceTask task, RunParams params) {
        ModelSpec model = task.model(CellType.parse(params.cell()), params.hidden(), params.layers());
        return flops(model, task.trainBatch(params.seed(), 0, params.batchSize()), params.steps());
    }

    /** {@link #flops(SequenceTask, RunParams)} for a model, a sample train batch and a number of train steps. */
    public static double flops(ModelSpec model, Batch sample, int steps) {
        double train = trainFlops(model, sample);
        // the evaluation's cost in FLOPs does not depend on its batch size
        double evaluation = train / Costs.TRAIN_FACTOR * EVALUATION_SEQUENCES_ESTIMATE / sample.size();
        return train * steps + evaluation;
    }

    /** Train FLOPs of one step on a batch, by {@link Costs#trainFlops}. */
    public static double trainFlops(ModelSpec model, Batch batch) {
        int outputs = model.topology() == Topology.MANY_TO_ONE || model.topology() == Topology.ONE_TO_ONE ? 1
            : batch.target().time();
        return Costs.trainFlops(model, batch.size(), recurrentSteps(model, batch), outputs);
    }

    /** The recurrent steps of a batch: the encoder's plus the decoder's for encoder-decoder. */
    public static int recurrentSteps(ModelSpec model, Batch batch) {
        int steps = batch.recurrentSteps(model.topology());
        return model.hasDecoder() ? steps + batch.target().time() : steps;
    }
}
