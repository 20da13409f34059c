package org.rnnbench.harness.shard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.cost.CostRates;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.plan.TaskCatalog;

/**
 * Estimated seconds of a unit: its FLOPs times the backend's seconds per FLOP, plus its cell steps times the
 * backend's seconds per cell step for that cell (the per-op cost that dominates small models on the framework
 * backends), plus a fixed cost per unit (model building, weights import); a shard pays each backend's JVM start
 * once. The whole estimate of a unit is multiplied by a correction measured from recorded step times, when there
 * are any ({@link #refined}).
 *
 * <p>The rates are each backend's own ({@link Backend#costRates}): a backend says what its units cost, so that
 * the harness names none.
 *
 * @param rates       per backend id; an id not in the map prices as
 *                    {@link CostRates#UNKNOWN_BACKEND}
 * @param corrections measured over estimated seconds, by {@code backend} and by {@code backend/cell}
 * @param records     how many records the corrections come from (0: the defaults)
 */
public record CostModel(Map<String, CostRates> rates, Map<String, Double> corrections, int records) {

    /** Copies the maps. */
    public CostModel {
        rates = Map.copyOf(rates);
        corrections = Map.copyOf(corrections);
    }

    /** The model from the registered backends' own rates alone: the same on every machine. */
    public static CostModel defaults() {
        Map<String, CostRates> rates = new HashMap<>();
        for (Backend b : Backends.available()) {
            rates.put(b.id(), b.costRates());
        }
        return new CostModel(rates, Map.of(), 0);
    }

    /**
     * The defaults corrected by recorded step times: for every backend, and every backend and cell, the median over
     * the OK records with step times of measured train seconds over the estimate of the same steps. Records of
     * tasks this rnnbench does not know are left out.
     */
    public static CostModel refined(List<RunRecord> recordsSeen, TaskCatalog tasks) {
        CostModel base = defaults();
        Map<String, List<Double>> ratios = new TreeMap<>();
        int used = 0;
        for (RunRecord r : recordsSeen) {
            if (r.status() != RunStatus.OK || r.stepNanos() == null || r.stepNanos().length == 0
                || !(r.trainFlopsPerStep() > 0)) {
                continue;
            }
            double cellSteps;
            try {
                cellSteps = Workload.cellSteps(r.params(), tasks);
            } catch (RuntimeException e) {
                continue;
            }
            int n = r.stepNanos().length;
            double measured = 0;
            for (long ns : r.stepNanos()) {
                measured += ns * 1e-9;
            }
            double estimate = base.variable(r.params().backend(), r.params().cell(), n * r.trainFlopsPerStep(),
                n * cellSteps);
            if (!(estimate > 0) || !(measured > 0)) {
                continue;
            }
            used++;
            double ratio = measured / estimate;
            ratios.computeIfAbsent(r.params().backend(), k -> new ArrayList<>()).add(ratio);
            ratios.computeIfAbsent(r.params().backend() + "/" + r.params().cell(), k -> new ArrayList<>()).add(ratio);
        }
        Map<String, Double> corrections = new HashMap<>();
        ratios.forEach((key, list) -> corrections.put(key, median(list)));
        return new CostModel(base.rates, corrections, used);
    }

    /** Estimated seconds of a unit, its backend's JVM start not included. */
    public double seconds(Workload w) {
        CostRates r = rates(w.backend());
        return (variable(w.backend(), w.cell(), w.flops(), w.timesteps()) + r.secondsPerUnit())
            * correction(w.backend(), w.cell());
    }

    /** Estimated seconds of starting a backend's worker JVM. */
    public double startSeconds(String backend) {
        return rates(backend).secondsPerStart();
    }

    /** The correction of a backend's cell: its own, else the backend's, else 1. */
    double correction(String backend, String cell) {
        Double c = corrections.get(backend + "/" + cell);
        if (c == null) {
            c = corrections.get(backend);
        }
        return c == null ? 1 : c;
    }

    private double variable(String backend, String cell, double flops, double cellSteps) {
        CostRates r = rates(backend);
        return flops * r.secondsPerFlop() + cellSteps * r.cellStep(cell);
    }

    /** The rates of a backend id; an unknown one prices as {@link CostRates#UNKNOWN_BACKEND}. */
    CostRates rates(String backend) {
        CostRates r = rates.get(backend);
        return r != null ? r : CostRates.UNKNOWN_BACKEND;
    }

    private static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
