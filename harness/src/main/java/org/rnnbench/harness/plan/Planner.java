package org.rnnbench.harness.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnnbench.core.cost.RunCost;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.harness.UsageException;

/**
 * Turns matrices into run units: every id and number checked first ({@link OptionCheck}), every size checked
 * against this machine ({@link Sizes}), each unit with its weights file ({@link UnitNames}), target loss,
 * evaluation batch and cost ({@link RunCost}), in order and without duplicates.
 */
public final class Planner {
    /** The evaluation batch size where memory allows. */
    public static final int EVALUATION_BATCH = 256;

    private final TaskCatalog tasks;
    private final long memory;

    /** A planner on the tasks of {@code tasks} for a machine with {@code memory} bytes. */
    public Planner(TaskCatalog tasks, long memory) {
        this.tasks = tasks;
        this.memory = memory;
    }

    /**
     * The units of the matrices, in order, without duplicates.
     *
     * @throws UsageException for any unknown id or impossible size
     */
    public List<PlannedUnit> plan(List<Matrix> matrices, int threads) {
        OptionCheck.checkRange("--threads", threads, 1, OptionCheck.MAX_THREADS);
        Map<String, PlannedUnit> units = new LinkedHashMap<>();
        for (Matrix m : matrices) {
            Matrix canonical = OptionCheck.canonical(m, tasks);
            for (RunParams p : canonical.params(threads)) {
                if (!units.containsKey(p.id())) {
                    units.put(p.id(), unit(p, canonical.targetLoss()));
                }
            }
        }
        return new ArrayList<>(units.values());
    }

    private PlannedUnit unit(RunParams p, Double target) {
        SequenceTask task = tasks.get(p.task());
        ModelSpec model;
        try {
            model = task.model(CellType.parse(p.cell()), p.hidden(), p.layers());
        } catch (IllegalArgumentException e) {
            throw new UsageException(p.task() + " with " + p.cell() + " hidden " + p.hidden() + ": "
                + UsageException.firstLine(e.getMessage()));
        }
        Batch sample = task.trainBatch(p.seed(), 0, p.batchSize());
        int steps = RunCost.recurrentSteps(model, sample);
        Sizes.check(p.cell() + " hidden " + p.hidden() + " layers " + p.layers() + " on " + p.task(), model,
            p.batchSize(), steps, memory);
        double targetLoss = target == null ? defaultTargetLoss(task) : target;
        int evaluationBatch = Math.max(p.batchSize(), EVALUATION_BATCH);
        if (Sizes.trainingBytes(model, evaluationBatch, steps) > memory / 4.0) {
            evaluationBatch = p.batchSize();
        }
        return new PlannedUnit(p, UnitNames.weightsFile(p), targetLoss, RunCost.flops(model, sample, p.steps()),
            evaluationBatch);
    }

    /**
     * A task's default target loss: half its analytic chance loss (halfway between chance and a perfect model),
     * NaN when the task gives no chance loss.
     */
    public static double defaultTargetLoss(SequenceTask task) {
        Double chance = task.analyticChance().get("loss");
        return chance == null || !Double.isFinite(chance) || chance <= 0 ? Double.NaN : chance / 2;
    }
}
