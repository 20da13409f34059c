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
 */
public record PlannedUnit(RunParams params, String weightsFile, double targetLoss, double cost) {

    /** The unit's id. */
    public String id() {
        return params.id();
    }
}
