package org.rnnbench.harness.plan;

import java.util.List;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.cost.CostRates;

/**
 * The backends a command runs when none are given, chosen from what the registered backends say of themselves, so
 * that no command names one: every main backend ({@code run}'s suites), the reference alone ({@code claims}: the
 * mathematics, on the backend whose every operation is in plain view), or the main backends that are quick per
 * cell step ({@code gradients}, whose long sequences make a slow framework take minutes per unit).
 */
public final class DefaultBackends {
    /** The cost per cell step, by a backend's own {@link Backend#costRates}, under which it counts as quick. */
    public static final double QUICK_CELL_STEP_SECONDS = 1e-3;

    private DefaultBackends() {
    }

    /** The reference backend, or the first main backend when none says it is the reference. */
    public static List<String> reference() {
        List<Backend> main = Backends.referenceFirst(Backends.main());
        return main.isEmpty() ? List.of() : List.of(main.get(0).id());
    }

    /** The main backends whose cost per cell step is under {@link #QUICK_CELL_STEP_SECONDS}, the reference first. */
    public static List<String> quick() {
        return Backends.referenceFirst(Backends.main()).stream()
            .filter(b -> b.costRates().cellStep(CostRates.ANY_CELL) < QUICK_CELL_STEP_SECONDS).map(Backend::id)
            .toList();
    }
}
