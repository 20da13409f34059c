package org.rnnbench.harness.shard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.Speed;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.plan.TaskCatalog;

/**
 * Estimated seconds of a unit: its FLOPs times the backend's seconds per FLOP, plus its cell steps times the
 * backend's seconds per cell step for that cell (the per-op cost that dominates small models on the framework
 * backends), plus a fixed cost per unit; a shard pays each backend's JVM start once. The rates are each backend's
 * own ({@link Backend#speed()}, measured on the development machine); the whole estimate of a unit is multiplied by
 * a correction measured from recorded step times, when there are any ({@link #refined}). Absolute seconds are a
 * guide; what the partition needs is the ratio between units, which the rates get right to a small factor where a
 * FLOP count alone is off by 100x.
 *
 * @param speeds      rates by backend id that replace the backends' own (for tests; empty otherwise)
 * @param corrections measured over estimated seconds, by {@code backend} and by {@code backend/cell}
 * @param records     how many records the corrections come from (0: the defaults)
 */
public record CostModel(Map<String, Speed> speeds, Map<String, Double> corrections, int records) {

    /** Copies the maps. */
    public CostModel {
        speeds = Map.copyOf(speeds);
        corrections = Map.copyOf(corrections);
    }

    /** The model from the backends' own rates alone: the same on every machine. */
    public static CostModel defaults() {
        return new CostModel(Map.of(), Map.of(), 0);
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
        return new CostModel(base.speeds, corrections, used);
    }

    /** Estimated seconds of a unit, its backend's JVM start not included. */
    public double seconds(Workload w) {
        return (variable(w.backend(), w.cell(), w.flops(), w.timesteps()) + speed(w.backend()).secondsPerUnit())
            * correction(w.backend(), w.cell());
    }

    /** Estimated seconds of starting a backend's worker JVM. */
    public double startSeconds(String backend) {
        return speed(backend).secondsPerStart();
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
        Speed r = speed(backend);
        return flops * r.secondsPerFlop() + cellSteps * r.cellStep(cell);
    }

    /** The rates of a backend id: given ones first (the id's, then its main id's), else the backend's own. */
    Speed speed(String backend) {
        String main = backend.contains(":") ? backend.substring(0, backend.indexOf(':')) : backend;
        Speed given = speeds.getOrDefault(backend, speeds.get(main));
        if (given != null) {
            return given;
        }
        try {
            return Backends.get(backend).speed();
        } catch (IllegalArgumentException e) {
            return Speed.UNMEASURED;
        }
    }

    private static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
