package org.rnnbench.reports.compare;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.rnnbench.core.run.Environment;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.read.ResultsException;
import org.rnnbench.reports.stats.Percentiles;
import org.rnnbench.reports.stats.StepTimes;
import org.rnnbench.reports.table.Format;

/**
 * How much slower the machine ran for the current side than for the baseline, per backend, from the calibration
 * each backend JVM recorded in its environment (a fixed workload, {@code gemm_ms} and {@code scalar_ms}, timed just
 * before a unit under {@code before.} and just after it under {@code after.}).
 *
 * <p>A record's figure is the geometric mean of its before and after times when they are within
 * {@value #DISTURBED_END} (relative) of each other, and the faster of the two when they are further apart (one of
 * them when the other is missing; the bare name in records that measured only before the JVM's first unit). The two
 * ends of a unit are the nearest measurements of the machine during the unit; when they agree, their mean is the
 * estimate of its speed in between that favours neither end and halves the noise of either. When one is much slower
 * than the other, something took the machine for the fraction of a second it ran, and the steps are judged by their
 * fast end ({@link StepTimeJudge}), which a moment of load does not reach: the faster end is the machine those steps
 * ran on. Seen in this project's recorded quick runs (2-vCPU VM): three dl4j units of one run whose calibration read
 * 0.78-0.81 ms at one end and 0.27 at the other, their steps as fast as in every other run; divided by the mean of
 * the ends they came out at x0.58-0.64 of their usual time, and pulled the backend's interval down far enough to
 * hide a 15% slowdown of the rest. The slower end would instead count a load that only touched one end as if it had
 * lasted all through. For every figure both sides have, the ratio of its medians over the backend's records,
 * current over baseline; the backend's machine ratio is their geometric mean. A loaded machine slows every unit of a
 * backend at once, which the step times alone cannot tell from a regression of the backend; divided by this ratio
 * they can.
 *
 * <p>The backend's ratio decides whether the machines are comparable at all; each unit's step times are judged
 * relative to the unit's own ratio ({@link #unitRatio}), its GEMM figure current over baseline. Measured on this
 * project's A/A pairs (two runs of identical code back to back on a 2-core VM), the per-unit GEMM ratio left a
 * backend's whole-run shift at 2-4% rms where the backend's ratio left 6-12%: the machine's speed changes during a
 * backend's units (a neighbour on the host for ten seconds), which a median over the run smears over all of them;
 * the scalar loop, which sees lost time slices under oversubscription, followed the units' steps less closely at
 * idle.
 */
final class MachineSpeed {
    private static final String BEFORE = Environment.CALIBRATION_BEFORE;
    private static final String AFTER = Environment.CALIBRATION_AFTER;
    /** How far apart, relative, a unit's two calibrations may be before the slower counts as disturbed. */
    static final double DISTURBED_END = 0.2;

    private MachineSpeed() {
    }

    /** Backend to machine ratio (current / baseline), for the backends both sides calibrated. */
    static Map<String, Double> ratios(List<LoadedRun> baseline, List<LoadedRun> current) {
        Map<String, Double> out = new TreeMap<>();
        Set<String> backends = new TreeSet<>();
        baseline.forEach(r -> backends.add(r.params().backend()));
        for (String backend : backends) {
            Map<String, List<Double>> b = figures(baseline, backend);
            Map<String, List<Double>> c = figures(current, backend);
            double logSum = 0;
            int n = 0;
            for (Map.Entry<String, List<Double>> e : b.entrySet()) {
                List<Double> other = c.get(e.getKey());
                if (other == null) {
                    continue;
                }
                logSum += Math.log(median(other) / median(e.getValue()));
                n++;
            }
            if (n > 0) {
                out.put(backend, Math.exp(logSum / n));
            }
        }
        return out;
    }

    /**
     * The machine ratio of one unit: the geometric mean of its records' GEMM figures, current over baseline; the
     * backend's ratio (1 when none) when a side has a record without it.
     */
    static double unitRatio(MatchedUnit u, Map<String, Double> backendRatios) {
        double b = gemm(u.baseline());
        double c = gemm(u.current());
        return Double.isFinite(b / c) && b > 0 && c > 0 ? c / b : backendRatios.getOrDefault(u.backend(), 1.0);
    }

    /**
     * The step times of a unit's records on one side after warm-up, in ms, each record's scaled to the machine speed
     * of {@code reference} (a GEMM figure, the baseline's): times {@code reference / g} for a record whose GEMM figure
     * is g. Pooled this way, repeated runs of a side count each at the machine speed it ran at. Null when a record
     * has no GEMM figure.
     */
    static double[] atSpeed(List<LoadedRun> runs, double reference, double warmupFraction) {
        if (!(reference > 0)) {
            return null;
        }
        Map<RunRecord, Double> scale = new IdentityHashMap<>();
        for (LoadedRun r : runs) {
            double g = gemm(List.of(r));
            if (!(g > 0)) {
                return null;
            }
            scale.put(r.record(), reference / g);
        }
        return StepTimes.pooledMillis(MatchedUnit.records(runs), warmupFraction, scale::get);
    }

    /** The geometric mean of the records' GEMM figures; NaN when a record has none. */
    static double gemm(List<LoadedRun> runs) {
        double logSum = 0;
        for (LoadedRun r : runs) {
            Double g = r.record().environment() == null ? null
                : figures(r.record().environment().calibration()).get(Environment.CALIBRATION_GEMM);
            if (g == null) {
                return Double.NaN;
            }
            logSum += Math.log(g);
        }
        return runs.isEmpty() ? Double.NaN : Math.exp(logSum / runs.size());
    }

    /**
     * Refuses machines whose speeds differ by more than the machine tolerance, unless the settings allow it; notes
     * every ratio used.
     *
     * @throws ResultsException naming the backends and their ratios
     */
    static void check(Map<String, Double> ratios, CompareSettings s, String baseline, String current,
                      List<String> notes) {
        List<String> off = new ArrayList<>();
        ratios.forEach((backend, ratio) -> {
            notes.add("machine speed of backend " + backend + ": its calibration took x" + Format.SIG3.text(ratio)
                + " as long in the current run as in the baseline; each unit's step times are judged relative to its own"
                + " GEMM calibration, measured just before and after it");
            if (Math.abs(Math.log(ratio)) > Math.log(1 + s.machineTolerance())) {
                off.add(backend + " x" + Format.SIG3.text(ratio));
            }
        });
        if (!off.isEmpty() && !s.allowMachineChange()) {
            throw new ResultsException("the machines are not comparable: the calibration workload ran at another"
                + " speed in " + current + " than in " + baseline + " (" + String.join(", ", off) + ", beyond the"
                + " machine tolerance of " + Format.SIG3.text(s.machineTolerance() * 100) + "%); compare runs made on"
                + " comparable machines, or pass --allow-machine-change to judge step times relative to the"
                + " calibration");
        }
    }

    /**
     * Notes every backend whose machine got slower or faster by more than the threshold between the calibrations
     * before and after its units in one run: a load that came or went during the run, which the run's step times
     * carry and a comparison can only partly correct.
     */
    static void noteDrift(Map<String, Double> drift, String side, CompareSettings s, List<String> notes) {
        drift.forEach((backend, ratio) -> {
            if (Math.abs(Math.log(ratio)) > Math.log(1 + s.threshold())) {
                notes.add("the machine's speed changed during the " + side + " run: backend " + backend
                    + "'s calibration took x" + Format.SIG3.text(ratio) + " as long after its units as before"
                    + " them (median over its units); a load came or went while it ran");
            }
        });
    }

    private static Map<String, List<Double>> figures(List<LoadedRun> runs, String backend) {
        Map<String, List<Double>> out = new TreeMap<>();
        for (LoadedRun r : runs) {
            if (r.params().backend().equals(backend) && r.record().environment() != null) {
                figures(r.record().environment().calibration())
                    .forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        return out;
    }

    /**
     * A record's figures: per name, the geometric mean of its {@code before.} and {@code after.} times, or the
     * faster of them when the slower is more than {@value #DISTURBED_END} above it, or the one of them it has, or the
     * bare name's time; times that are not finite and positive are left out.
     */
    static Map<String, Double> figures(Map<String, Double> calibration) {
        Map<String, List<Double>> ends = new TreeMap<>();
        calibration.forEach((k, v) -> {
            if (v != null && v > 0 && Double.isFinite(v)) {
                ends.computeIfAbsent(name(k), x -> new ArrayList<>()).add(v);
            }
        });
        Map<String, Double> out = new TreeMap<>();
        ends.forEach((k, times) -> out.put(k, figure(times)));
        return out;
    }

    /** One figure from the times of its ends: their geometric mean, or the fastest when the slowest was disturbed. */
    private static double figure(List<Double> times) {
        double fastest = times.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double slowest = times.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return slowest > fastest * (1 + DISTURBED_END) ? fastest
            : Math.exp(times.stream().mapToDouble(Math::log).average().orElseThrow());
    }

    /** A calibration key without its {@code before.} or {@code after.} prefix. */
    private static String name(String key) {
        for (String prefix : List.of(BEFORE, AFTER)) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    /**
     * Per backend of {@code runs}, how much slower the calibration ran after the units than before them: the
     * geometric mean over the figures of the median over records of after / before; backends without both left out.
     */
    static Map<String, Double> drift(List<LoadedRun> runs) {
        Map<String, Map<String, List<Double>>> byBackend = new TreeMap<>();
        for (LoadedRun r : runs) {
            if (r.record().environment() == null) {
                continue;
            }
            Map<String, Double> c = r.record().environment().calibration();
            c.forEach((k, before) -> {
                Double after = k.startsWith(BEFORE) ? c.get(AFTER + name(k)) : null;
                if (after != null && before > 0 && after > 0 && Double.isFinite(before / after)) {
                    byBackend.computeIfAbsent(r.params().backend(), x -> new TreeMap<>())
                        .computeIfAbsent(name(k), x -> new ArrayList<>()).add(after / before);
                }
            });
        }
        Map<String, Double> out = new TreeMap<>();
        byBackend.forEach((backend, ratios) -> out.put(backend, Math.exp(ratios.values().stream()
            .mapToDouble(l -> Math.log(median(l))).average().orElseThrow())));
        return out;
    }

    private static double median(List<Double> values) {
        return Percentiles.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
