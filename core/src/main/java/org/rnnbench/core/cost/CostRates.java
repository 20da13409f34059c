package org.rnnbench.core.cost;

import java.util.Map;

/**
 * What a backend's units cost on one thread, roughly, for planning (splitting a sweep into shards of equal time,
 * a scheduler's time limit): seconds per FLOP of {@link Costs}' formula, seconds per cell step (the per-operation
 * cost that dominates small models on a framework), seconds per unit (building the model, evaluating it) and per
 * start of the backend's JVM. Absolute seconds are a guide; what a partition needs is the ratio between units,
 * which these get right to a small factor where a FLOP count alone is off by 100x. A planner corrects them by the
 * step times it has recorded.
 *
 * @param secondsPerFlop     per FLOP of {@link Costs#trainFlops}
 * @param secondsPerCellStep per cell step (a layer's step over the batch), by cell id; {@link #ANY_CELL} for the
 *                           cells not listed
 * @param secondsPerUnit     per unit
 * @param secondsPerStart    per start of the backend's JVM (natives loaded, first model built)
 */
public record CostRates(double secondsPerFlop, Map<String, Double> secondsPerCellStep, double secondsPerUnit,
                        double secondsPerStart) {
    /** The key of {@link #secondsPerCellStep} for the cells not listed. */
    public static final String ANY_CELL = "*";
    /**
     * The rates assumed of a backend that gives none: those of the slowest backend measured here (a framework
     * paying milliseconds per cell step), so that an unknown backend is never under-estimated.
     */
    public static final CostRates UNKNOWN_BACKEND = new CostRates(1e-10, Map.of(ANY_CELL, 2e-3), 1.0, 6);

    /** Copies the map and checks that every rate is finite and not negative and that {@link #ANY_CELL} is set. */
    public CostRates {
        secondsPerCellStep = Map.copyOf(secondsPerCellStep);
        if (!secondsPerCellStep.containsKey(ANY_CELL)) {
            throw new IllegalArgumentException("cost rates need a rate per cell step for '" + ANY_CELL + "' (the"
                + " cells not listed), got " + secondsPerCellStep.keySet());
        }
        for (double v : new double[] {secondsPerFlop, secondsPerUnit, secondsPerStart}) {
            check(v);
        }
        secondsPerCellStep.values().forEach(CostRates::check);
    }

    /** The rate of one cell step of {@code cell}. */
    public double cellStep(String cell) {
        return secondsPerCellStep.getOrDefault(cell, secondsPerCellStep.get(ANY_CELL));
    }

    private static void check(double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("a cost rate must be a finite number of 0 or more, got " + v);
        }
    }
}
