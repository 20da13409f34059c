package org.rnnbench.harness.sweep;

import java.time.Instant;
import java.util.Map;

import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.run.Environment;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.harness.Version;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.TaskCatalog;

/**
 * The record the parent writes for a unit whose worker JVM died while running it: status FAILED, the reason, the
 * task's description fields, no measurements (empty series, NaN numbers).
 */
final class FailedRecords {
    private FailedRecords() {
    }

    static RunRecord of(PlannedUnit unit, TaskCatalog tasks, String message, int threads) {
        RunParams p = unit.params();
        SequenceTask task = tasks.get(p.task());
        ModelSpec model = task.model(CellType.parse(p.cell()), p.hidden(), p.layers());
        return new RunRecord(unit.id(), p, RunStatus.FAILED, message, model.encoding().id(), model.topology().id(),
            model.loss().id(), ParameterLayout.of(model).totalSize(), 0, Double.NaN, new double[0], new long[0],
            task.primaryMetric().name(), task.primaryMetric().higherIsBetter(), Map.of(), task.analyticChance(),
            Map.of(), unit.targetLoss(), -1, Double.NaN, new double[0], new double[0],
            Environment.current(Map.of("rnnbench", Version.get()), threads), Instant.now().toString());
    }
}
