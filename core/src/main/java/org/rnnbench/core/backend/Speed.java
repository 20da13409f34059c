package org.rnnbench.core.backend;

import java.util.Map;

/**
 * What a backend's work costs in seconds on one thread, for estimates only (sharding a sweep by expected time): a
 * unit of F FLOPs (core's formula) and S cell steps (recurrent steps times layers, per batch) takes about
 * {@code F * secondsPerFlop + S * cellStep(cell) + secondsPerUnit}, and each start of the backend's worker JVM adds
 * {@code secondsPerStart}. The per-cell-step term is the per-operation overhead that dominates small models on the
 * framework backends. Measured values come from the one-thread train-step table of docs/SPEED.md and the smoke
 * suite's records (an AMD EPYC VM with 2 cores); the harness corrects them by recorded step times.
 *
 * @param secondsPerFlop     seconds per FLOP of core's formula
 * @param secondsPerCellStep seconds per cell step of the cells {@code byCell} does not list
 * @param byCell             seconds per cell step, by cell id
 * @param secondsPerUnit     fixed seconds per unit (building the model, importing weights, evaluation calls)
 * @param secondsPerStart    seconds to start a worker JVM of the backend
 */
public record Speed(double secondsPerFlop, double secondsPerCellStep, Map<String, Double> byCell,
                    double secondsPerUnit, double secondsPerStart) {
    /** A backend without a measured speed: priced as the slowest measured one, so it is not underestimated. */
    public static final Speed UNMEASURED = new Speed(1e-10, 2e-3, Map.of(), 1.0, 6);

    /** Copies the map. */
    public Speed {
        byCell = Map.copyOf(byCell);
    }

    /** Seconds per cell step of a cell. */
    public double cellStep(String cell) {
        return byCell.getOrDefault(cell, secondsPerCellStep);
    }
}
