package org.rnnbench.harness.shard;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.cost.RunCost;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.plan.TaskCatalog;

/**
 * What a unit costs in the two quantities the {@link CostModel} prices: floating-point operations (core's formula,
 * training and evaluation, as {@link PlannedUnit#cost()}) and recurrent cell steps (the per-op overhead that
 * dominates small models on the framework backends). Nothing here depends on the machine, so every shard computes
 * the same workloads.
 *
 * @param index     the unit's position in the plan
 * @param id        the unit's id
 * @param backend   its backend id
 * @param cell      its cell id
 * @param flops     FLOPs of the whole unit
 * @param timesteps cell steps of the whole unit: train steps x recurrent steps x layers, plus a third of that per
 *                  evaluation batch (a forward pass only)
 */
public record Workload(int index, String id, String backend, String cell, double flops, double timesteps) {

    /** The workloads of planned units, in plan order. */
    public static List<Workload> of(List<PlannedUnit> units, TaskCatalog tasks) {
        List<Workload> out = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            PlannedUnit u = units.get(i);
            RunParams p = u.params();
            double perPass = cellSteps(p, tasks);
            double evalBatches = Math.ceil((double) RunCost.EVALUATION_SEQUENCES_ESTIMATE / Math.max(p.batchSize(),
                Planner.EVALUATION_BATCH));
            out.add(new Workload(i, u.id(), p.backend(), p.cell(), u.cost(),
                perPass * (p.steps() + evalBatches / 3)));
        }
        return out;
    }

    /** Cell steps of one pass over one batch: recurrent steps (encoder and decoder) times layers. */
    static double cellSteps(RunParams p, TaskCatalog tasks) {
        SequenceTask task = tasks.get(p.task());
        ModelSpec model = task.model(CellType.parse(p.cell()), p.hidden(), p.layers());
        return (double) RunCost.recurrentSteps(model, task.trainBatch(p.seed(), 0, p.batchSize())) * p.layers();
    }
}
