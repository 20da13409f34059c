package org.rnnbench.harness.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.core.spec.CellType;

/**
 * The records of one backend, looked up by arm and seed. A unit is usable when its record exists and ended OK or
 * DIVERGED (a divergence is a result that the statistics handle); a missing, FAILED or UNSUPPORTED unit makes every
 * part that needs it {@link Verdict#NOT_RUN}, with the reason.
 */
public final class Evidence {
    private final Map<String, RunRecord> byId = new HashMap<>();
    private final String backend;
    private final List<Long> seeds;
    private final int threads;
    private final Predicate<String> knownCell;

    /** The evidence for the cells this build knows ({@link #known}). */
    public Evidence(List<RunRecord> records, String backend, List<Long> seeds, int threads) {
        this(records, backend, seeds, threads, Evidence::known);
    }

    /**
     * @param records every record of the results directory (other backends' and other studies' are ignored)
     * @param backend the backend judged
     * @param seeds   the seeds of the command
     * @param threads the backend threads of the command (part of the unit ids)
     * @param knownCell which cell ids can run; an arm of another cell is not run
     */
    public Evidence(List<RunRecord> records, String backend, List<Long> seeds, int threads,
                    Predicate<String> knownCell) {
        for (RunRecord r : records) {
            byId.put(r.id(), r);
        }
        this.backend = backend;
        this.seeds = List.copyOf(seeds);
        this.threads = threads;
        this.knownCell = knownCell;
    }

    /** The backend judged. */
    public String backend() {
        return backend;
    }

    /** The per-seed value of a statistic from the records of one seed, one per arm in the order given. */
    @FunctionalInterface
    public interface PerSeed {
        /** The value; NaN when this seed gives none. */
        double value(List<RunRecord> oneSeed);
    }

    /** The record of an arm on a seed, or null. */
    public RunRecord record(Arm arm, long seed) {
        return byId.get(arm.params(backend, seed, threads).id());
    }

    /** Why the arms cannot be judged (a unit missing, failed or unsupported, a cell unknown), or null. */
    public String missing(List<Arm> arms) {
        for (Arm a : arms) {
            if (!knownCell.test(a.cell())) {
                return "cell " + a.cell() + " is unknown to this build";
            }
            for (long seed : seeds) {
                RunRecord r = record(a, seed);
                if (r == null) {
                    return "no record of " + a.label() + " seed " + seed;
                }
                if (r.status() == RunStatus.FAILED || r.status() == RunStatus.UNSUPPORTED) {
                    return a.label() + " seed " + seed + " " + r.status() + ": " + r.message();
                }
            }
        }
        return null;
    }

    /**
     * A part from a per-seed statistic over the records of {@code arms}: {@link Verdict#NOT_RUN} when a unit is
     * not usable, else judged against the threshold.
     */
    public Part part(String name, String statistic, Threshold threshold, List<Arm> arms, PerSeed f, String note) {
        String why = missing(arms);
        if (why != null) {
            return Part.notRun(name, statistic, threshold, why);
        }
        double[] values = new double[seeds.size()];
        for (int i = 0; i < values.length; i++) {
            List<RunRecord> oneSeed = new ArrayList<>();
            for (Arm a : arms) {
                oneSeed.add(record(a, seeds.get(i)));
            }
            values[i] = f.value(oneSeed);
        }
        return Part.judged(name, statistic, threshold, values, note);
    }

    /** The usable records of one arm, one per seed (for plots and notes); empty when any is missing. */
    public List<RunRecord> runs(Arm arm) {
        if (missing(List.of(arm)) != null) {
            return List.of();
        }
        return seeds.stream().map(s -> record(arm, s)).toList();
    }

    /** True when this build knows the cell id. */
    public static boolean known(String cell) {
        try {
            CellType.parse(cell);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
