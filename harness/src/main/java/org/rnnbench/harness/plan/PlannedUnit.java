package org.rnnbench.harness.plan;

import org.rnnbench.core.run.RunParams;

/**
 * One run unit as planned by the parent process.
 *
 * @param params      what to run; {@link RunParams#id()} is the unit's id
 * @param weightsFile the initial weights, relative to the results directory; every backend of the same
 *                    configuration reads the same file
 * @param targetLoss  the training loss counted as reached, NaN for none
 * @param cost        the estimated FLOPs of the whole unit (training and evaluation), for the progress ETA
 * @param evaluationBatch the batch size the evaluation set is cut into: larger than the training batch where
 *                    memory allows, since a framework's cost per call dominates small batches; the metrics do not
 *                    depend on it
 */
public record PlannedUnit(RunParams params, String weightsFile, double targetLoss, double cost,
                          int evaluationBatch) {

    /** The unit's id. */
    public String id() {
        return params.id();
    }
}
