package org.rnnbench.harness.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rnnbench.harness.plan.PlannedUnit;

/**
 * The order a sweep runs its units in: each backend's units dealt into {@code R} rounds (unit {@code i} of a
 * backend goes to round {@code i mod R}), the backends taking turns round by round, each turn in a fresh worker
 * JVM.
 *
 * <p>Why: a backend's step times move with the state of its JVM (what the JIT compiled, where memory landed) and
 * with slow stretches of the machine. Run in one JVM at one stretch of time, a backend's units all share one such
 * draw, and a comparison of two runs sees it as a shift of the whole backend, the very thing a regression looks
 * like. Dealt into rounds, every backend spreads over {@code R} JVMs and over the whole run, so one bad JVM or one
 * slow minute touches a fraction of each backend's units, which a comparison's per-backend estimate (a median of
 * its configurations) stands up to. Dealing (rather than cutting into blocks) puts a configuration's seeds, which
 * follow each other in plan order, into different rounds.
 *
 * <p>With {@code R = 1} every backend runs in one JVM, one backend after another. A backend with fewer units than
 * rounds gets one round per unit.
 */
public final class Rounds {
    private Rounds() {
    }

    /**
     * One worker JVM's share of a sweep.
     *
     * @param backend the backend id
     * @param units   its units in this turn, in plan order
     */
    public record Turn(String backend, List<PlannedUnit> units) {
        /** Copies the list. */
        public Turn {
            units = List.copyOf(units);
        }
    }

    /**
     * The turns of a sweep, in the order they run.
     *
     * @param byBackend each backend's pending units in plan order, backends in the order they take turns
     * @param rounds    the number of rounds, at least 1
     */
    public static List<Turn> of(Map<String, List<PlannedUnit>> byBackend, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("a sweep needs at least one round, got " + rounds);
        }
        List<Turn> turns = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, List<PlannedUnit>> e : byBackend.entrySet()) {
                List<PlannedUnit> mine = new ArrayList<>();
                for (int i = r; i < e.getValue().size(); i += rounds) {
                    mine.add(e.getValue().get(i));
                }
                if (!mine.isEmpty()) {
                    turns.add(new Turn(e.getKey(), mine));
                }
            }
        }
        return turns;
    }
}
