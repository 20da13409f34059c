package org.rnnbench.harness.shard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * <p>The defaults come from the one-thread train-step table of docs/SPEED.md (AMD EPYC, 2 cores) and the smoke
 * suite's records on the same machine: scratch about 25 GFLOP/s and 2 us per cell step; djl about 28 GFLOP/s on
 * large models and 35-300 us per cell step (LSTM fused, GRU slowest); dl4j about 10 GFLOP/s and 0.8-7 ms per cell
 * step (its GRU is built from primitive ops); per unit (model building, evaluation calls, weights import) 0.3 s,
 * 0.2 s and 1 s. Absolute seconds are a guide; what the partition needs is the ratio
 * between units, which they get right to a small factor where a FLOP count alone is off by 100x.
 *
 * @param rates       per backend id (variants use their backend's: {@code djl:unrolled} prices as {@code djl})
 * @param corrections measured over estimated seconds, by {@code backend} and by {@code backend/cell}
 * @param records     how many records the corrections come from (0: the defaults)
 */
public record CostModel(Map<String, Rates> rates, Map<String, Double> corrections, int records) {

    /**
     * What a backend costs.
     *
     * @param secondsPerFlop     per FLOP of core's formula
     * @param secondsPerCellStep per cell step, by cell id; {@code *} for the cells not listed
     * @param secondsPerUnit     per unit
     * @param secondsPerStart    per worker JVM start (once per backend and shard)
     */
    public record Rates(double secondsPerFlop, Map<String, Double> secondsPerCellStep, double secondsPerUnit,
                        double secondsPerStart) {
        /** Copies the map. */
        public Rates {
            secondsPerCellStep = Map.copyOf(secondsPerCellStep);
        }

        double cellStep(String cell) {
            return secondsPerCellStep.getOrDefault(cell, secondsPerCellStep.get(ANY_CELL));
        }
    }

    /** The key of {@link Rates#secondsPerCellStep} for the cells not listed. */
    public static final String ANY_CELL = "*";

    private static final Map<String, Rates> DEFAULT_RATES = Map.of(
        "scratch", new Rates(4e-11, Map.of(ANY_CELL, 2e-6), 0.3, 1.5),
        "djl", new Rates(3.5e-11, Map.of("rnn-tanh", 1.2e-4, "rnn-relu", 1.2e-4, "lstm", 4e-5, "gru", 3e-4,
            ANY_CELL, 1.5e-4), 0.2, 4),
        "dl4j", new Rates(1e-10, Map.of("rnn-tanh", 8e-4, "rnn-relu", 8e-4, "lstm", 2e-3, "gru", 7e-3,
            ANY_CELL, 2e-3), 1.0, 6));

    /** Copies the maps. */
    public CostModel {
        rates = Map.copyOf(rates);
        corrections = Map.copyOf(corrections);
    }

    /** The model from the defaults alone: the same on every machine. */
    public static CostModel defaults() {
        return new CostModel(DEFAULT_RATES, Map.of(), 0);
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
        Rates r = rates(w.backend());
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
        Rates r = rates(backend);
        return flops * r.secondsPerFlop() + cellSteps * r.cellStep(cell);
    }

    /** The rates of a backend id, its variant suffix dropped; an unknown backend prices as the slowest. */
    Rates rates(String backend) {
        String base = backend.contains(":") ? backend.substring(0, backend.indexOf(':')) : backend;
        Rates r = rates.get(base);
        return r != null ? r : rates.get("dl4j");
    }

    private static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
