package org.rnnbench.harness.worker;

import java.util.List;

import org.rnnbench.harness.plan.PlannedUnit;

/**
 * The units one worker JVM trains, all on one backend, one after another.
 *
 * @param backend    the backend id
 * @param threads    the backend's thread count
 * @param resultsDir the results directory: weights are read from it, records appended to its {@code runs.jsonl}
 * @param units      the units, in order
 * @param evaluate   whether to evaluate after training ({@code run}) or only measure gradients
 *                   ({@code gradients})
 */
public record TrainJob(String backend, int threads, String resultsDir, List<PlannedUnit> units, boolean evaluate) {
}
