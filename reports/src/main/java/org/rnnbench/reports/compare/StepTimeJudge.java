package org.rnnbench.reports.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.statistics.distribution.NormalDistribution;

import org.rnnbench.reports.stats.Bootstrap;
import org.rnnbench.reports.stats.Percentiles;
import org.rnnbench.reports.stats.RatioInterval;
import org.rnnbench.reports.stats.SignedRankInterval;
import org.rnnbench.reports.stats.StepTimes;
import org.rnnbench.reports.table.Format;

/**
 * Step times, judged in log space on the ratio r = p5(current) / p5(baseline) of the {@value #PERCENTILE}th
 * percentiles of the per-step times after warm-up, the current ones divided by the unit's machine ratio
 * ({@link MachineSpeed#unitRatio}). The fast end of the steps is compared because the noise of a step time is
 * one-sided: another process, a collection, an interrupt only ever add time, so the fastest steps are the least
 * disturbed (the minimum is BenchmarkTools.jl's default estimator for judging regressions, for that reason); the
 * 5th percentile rather than the minimum, so that a few steps faster than the rest for once (seen in recorded runs:
 * 4 of 90 at a third of the others) do not decide. On this project's A/A pairs (two runs of identical code back to
 * back, 2-core VM, idle) a backend's whole-run shift was 2-6% rms with it and 3-10% with the median: DL4J's steps
 * alternate between two speeds within a run, and the median lands on either. Three sources of noise count:
 *
 * <ol>
 *   <li><b>within a run</b>: the standard error se_boot of log r from a bootstrap that resamples each side's
 *       per-step times ({@link Bootstrap});</li>
 *   <li><b>between runs</b>: what moves a unit from one run to the next as a whole (JIT outcomes in a new JVM,
 *       other load on the machine while it ran), invisible inside a run. It is estimated from the comparison
 *       itself, per backend, from the <em>other</em> units: for unit u, sigma_u is the root mean square of
 *       log r_v - median(log r) over the backend's units v other than u. Centring on the median makes it blind to
 *       a shift of all units (that is the backend verdict's business); leaving u out keeps a real change of u from
 *       hiding itself. It is a root mean square and not a robust scale on purpose: measured run-to-run noise has
 *       heavy tails (most units within 5%, a few 40% off), and a median-based scale would call those few
 *       regressions. A backend with fewer than {@value #MIN_UNITS} units borrows the deviations of the units of
 *       every backend with two or more, each centred on its backend's median; with fewer than
 *       {@value #MIN_UNITS} of those, sigma = 0 and only within-run noise counts.</li>
 *   <li><b>between runs, of a whole backend</b>: what moves every unit of a backend at once from one run to the
 *       next on the same machine beyond what the calibration corrects (the machine's state while that backend's
 *       JVM ran, the JVM's own luck). One comparison has one such shift per backend and cannot tell it from a
 *       regression; its size, sigma_run = log(1 + {@link CompareSettings#runNoise()} of the backend), is measured
 *       beforehand on the machine with A/A pairs ({@code reports/scripts/gate-rates.sh} prints it).</li>
 * </ol>
 *
 * <p><b>Per unit</b>: the interval log r +- z * sqrt(se_boot^2 + sigma_u^2 + sigma_run^2), where sigma_u is at
 * least log(1 + {@link CompareSettings#unitNoise()}) (one unit's jump while the others hold still, which their
 * spread cannot foresee; measured beforehand like the run noise), with z the normal
 * quantile that gives the units 95% coverage together (Bonferroni: {@code z = Phi^-1(1 - 0.025 / m)} for m units),
 * so that comparing two runs of the same configuration flags nothing 95% of the time however many units there are.
 * A regression needs the estimate above log(1 + threshold) and the whole interval above no change (a slowdown that
 * matters and that the noise does not explain), an improvement the estimate below -log(1 + threshold) and the
 * interval below no change. (Asking for the whole interval above the threshold instead let a 15% slowdown pass a
 * 10% threshold only when the interval's lower half was under 4.5%, narrower than the run noise alone.)
 *
 * <p><b>Per backend</b>: over its configurations' log ratios (seeds of a configuration averaged first, so that a
 * configuration counts once), the Hodges-Lehmann estimate with the Wilcoxon signed-rank interval ({@link SignedRankInterval}),
 * at 95% coverage over the backends together, each end moved out by z_b * sigma_run (added in quadrature to its
 * distance from the estimate); judged by the same rule. The rank interval is the reason one wild
 * configuration cannot hide the shift of the rest (a Student-t interval takes its spread from all of them); a
 * backend with too few configurations for the coverage is not judged. It catches a slowdown of a whole backend that
 * is real but smaller than one unit's noise; the notes say, per backend, from which slowdown this comparison would
 * have flagged it.
 */
final class StepTimeJudge {
    /** The percentile of a unit's step times that is compared: the fast end. */
    static final double PERCENTILE = 5;
    /** Fewest units from which the between-run noise is estimated. */
    static final int MIN_UNITS = 5;

    private StepTimeJudge() {
    }

    /** One unit's measurement. */
    private record Measured(MatchedUnit unit, double baseFast, double currentFast, RatioInterval r) {
        double log() {
            return Math.log(r.ratio());
        }
    }

    /**
     * Judges every unit and backend.
     *
     * @param machine backend to the machine's speed ratio, current over baseline ({@link MachineSpeed}); the
     *                current step times are divided by it before they are judged (a backend not in it: 1)
     * @param notes   receives one line per backend on the between-run noise used
     */
    static List<Finding> judge(List<MatchedUnit> units, CompareSettings s, Map<String, Double> machine,
                               List<String> notes) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<Measured>> byBackend = new TreeMap<>();
        for (MatchedUnit u : units) {
            double[] b = StepTimes.pooledMillis(MatchedUnit.records(u.baseline()), s.warmupFraction());
            double[] c = StepTimes.pooledMillis(MatchedUnit.records(u.current()), s.warmupFraction());
            if (b.length < s.minSteps() || c.length < s.minSteps()) {
                out.add(new Finding(u.id(), Aspect.STEP_TIME, Verdict.NOT_COMPARED, Double.NaN, b.length + " steps",
                    c.length + " steps", "-", "fewer than " + s.minSteps() + " step times after warm-up on a side"));
                continue;
            }
            double reference = MachineSpeed.gemm(u.baseline());
            double[] base = MachineSpeed.atSpeed(u.baseline(), reference, s.warmupFraction());
            double[] relative = MachineSpeed.atSpeed(u.current(), reference, s.warmupFraction());
            if (base == null || relative == null) {
                double speed = MachineSpeed.unitRatio(u, machine);
                base = b;
                relative = Arrays.stream(c).map(v -> v / speed).toArray();
            }
            RatioInterval r = Bootstrap.percentileRatio(base, relative, PERCENTILE, s.resamples(), 0.95,
                s.seed() ^ u.id().hashCode());
            byBackend.computeIfAbsent(u.backend(), k -> new ArrayList<>())
                .add(new Measured(u, fast(b), fast(c), r));
        }
        List<Double> pooled = pooledDeviations(byBackend);
        int m = byBackend.values().stream().mapToInt(List::size).sum();
        double z = m == 0 ? 0 : NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - 0.025 / m);
        double bound = Math.log(1 + s.threshold());
        double floor = Math.log(1 + s.unitNoise());
        long backendsJudged = byBackend.values().stream().filter(l -> configLogs(l).length >= 2).count();
        byBackend.forEach((backend, measured) -> {
            double pooling = measured.stream().mapToDouble(u -> u.unit().pooling()).max().orElse(1);
            if (pooling < 1) {
                notes.add("backend " + backend + ": repeated runs pooled (" + measured.get(0).unit().baseline().size()
                    + " baseline, " + measured.get(0).unit().current().size() + " current for its first unit), so"
                    + " its run noise counts x" + Format.SIG3.text(pooling) + " (sqrt of (1/runs of the baseline +"
                    + " 1/runs of the current) / 2, the fewest runs of its units); the unit noise floor does not");
            }
            double run = pooling * Math.log(1 + s.runNoise().of(backend));
            double[] logs = measured.stream().mapToDouble(Measured::log).toArray();
            boolean own = logs.length >= MIN_UNITS;
            double median = Percentiles.median(logs);
            List<Double> deviations = own ? Arrays.stream(logs).map(v -> v - median).boxed().toList() : pooled;
            double all = rms(deviations, Double.NaN);
            notes.add("between-run noise of backend " + backend + ": sigma = " + Format.SIG3.text(all)
                + " in log ratio (about " + Format.SIG3.text((Math.exp(all) - 1) * 100) + "%), " + (own
                ? "from its " + logs.length + " units (each unit judged by the others)" : all > 0
                ? "borrowed from every backend (it has " + logs.length + " unit(s))"
                : "not estimable (too few units): within-run noise only"));
            for (Measured u : measured) {
                double unitRun = u.unit().pooling() * Math.log(1 + s.runNoise().of(backend));
                double sigma = Math.max(own ? rms(deviations, u.log() - median) : all, floor);
                double se = Math.sqrt(u.r().logSe() * u.r().logSe() + sigma * sigma + unitRun * unitRun);
                double low = u.log() - z * se;
                double high = u.log() + z * se;
                out.add(new Finding(u.unit().id(), Aspect.STEP_TIME, verdict(u.log(), low, high, bound), u.r().ratio(),
                    ms(u.baseFast()), ms(u.currentFast()), ratio(u.log(), low, high),
                    "log ratio +- " + Format.FIXED2.text(z) + " x sqrt(bootstrap se " + Format.SIG3.text(u.r().logSe())
                        + "^2 + between-run sigma " + Format.SIG3.text(sigma) + "^2 + run noise "
                        + Format.SIG3.text(unitRun) + "^2) (95% over " + m + " units); " + bounds(s)));
            }
            double[] config = configLogs(measured);
            if (config.length >= 2) {
                out.add(backendFinding(backend, config, backendsJudged, bound, run, s, notes));
            }
        });
        return out;
    }

    /**
     * The backend's verdict from its configurations' log ratios: the signed-rank interval at 95% over the judged
     * backends, each end widened by the run noise; notes the smallest slowdown it would have flagged.
     */
    private static Finding backendFinding(String backend, double[] config, long backendsJudged, double bound,
                                          double run, CompareSettings s, List<String> notes) {
        double confidence = 1 - 0.05 / backendsJudged;
        SignedRankInterval ci = SignedRankInterval.of(config, confidence);
        String subject = "backend " + backend;
        if (ci.k() == 0) {
            return new Finding(subject, Aspect.BACKEND_STEP_TIME, Verdict.NOT_COMPARED, Math.exp(ci.estimate()), "-",
                "-", "-", config.length + " configurations: a signed-rank interval at " + Format.SIG3.text(confidence
                * 100) + "% needs at least " + SignedRankInterval.fewestValues(confidence));
        }
        double zb = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - 0.025 / backendsJudged);
        double est = ci.estimate();
        double below = Math.hypot(est - ci.low(), zb * run);
        double low = est - below;
        double high = est + Math.hypot(ci.high() - est, zb * run);
        notes.add("backend " + backend + ": " + ratio(est, low, high) + " over " + config.length + " configurations;"
            + " this comparison flags a slowdown of the whole backend from about x"
            + Format.FIXED2.text(Math.exp(Math.max(bound, below))) + " (its configurations' spread and the run noise of "
            + Format.SIG3.text(s.runNoise().of(backend) * 100) + "%)");
        return new Finding(subject, Aspect.BACKEND_STEP_TIME, verdict(est, low, high, bound), Math.exp(est), "-", "-",
            ratio(est, low, high), "Hodges-Lehmann over " + config.length + " configurations, signed-rank interval"
                + " (95% over " + backendsJudged + " backend(s)) widened by the run noise " + Format.SIG3.text(run)
                + " x " + Format.FIXED2.text(zb) + "; " + bounds(s));
    }

    /** Per configuration of a backend, the mean log ratio over its seeds. */
    private static double[] configLogs(List<Measured> measured) {
        Map<String, List<Double>> byConfig = new LinkedHashMap<>();
        for (Measured u : measured) {
            byConfig.computeIfAbsent(u.unit().configKey(), k -> new ArrayList<>()).add(u.log());
        }
        return byConfig.values().stream().mapToDouble(l -> l.stream().mapToDouble(Double::doubleValue).average()
            .orElseThrow()).toArray();
    }

    private static Verdict verdict(double estimate, double low, double high, double bound) {
        return estimate > bound && low > 0 ? Verdict.REGRESSION
            : estimate < -bound && high < 0 ? Verdict.IMPROVEMENT : Verdict.UNCHANGED;
    }

    /**
     * The root mean square of {@code deviations}, leaving out one occurrence of {@code own} (NaN to keep them all);
     * 0 when fewer than {@link #MIN_UNITS} - 1 remain.
     */
    static double rms(List<Double> deviations, double own) {
        double ss = 0;
        int n = 0;
        boolean skipped = Double.isNaN(own);
        for (double d : deviations) {
            if (!skipped && d == own) {
                skipped = true;
                continue;
            }
            ss += d * d;
            n++;
        }
        return n < MIN_UNITS - 1 ? 0 : Math.sqrt(ss / n);
    }

    /** The deviations of every unit from its backend's median log ratio, over the backends with two or more. */
    private static List<Double> pooledDeviations(Map<String, List<Measured>> byBackend) {
        List<Double> deviations = new ArrayList<>();
        for (List<Measured> measured : byBackend.values()) {
            if (measured.size() >= 2) {
                double[] logs = measured.stream().mapToDouble(Measured::log).toArray();
                double median = Percentiles.median(logs);
                Arrays.stream(logs).forEach(v -> deviations.add(v - median));
            }
        }
        return deviations;
    }

    /** The {@link #PERCENTILE}-th percentile of the values. */
    private static double fast(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Percentiles.ofSorted(sorted, PERCENTILE);
    }

    private static String ms(double v) {
        return Format.SIG3.text(v) + " ms";
    }

    private static String ratio(double log, double low, double high) {
        return "x" + Format.FIXED2.text(Math.exp(log)) + " [" + Format.FIXED2.text(Math.exp(low)) + ", "
            + Format.FIXED2.text(Math.exp(high)) + "]";
    }

    private static String bounds(CompareSettings s) {
        return "regression: estimate above x" + Format.FIXED2.text(1 + s.threshold()) + " and interval above x1,"
            + " improvement: estimate below x" + Format.FIXED2.text(1 / (1 + s.threshold())) + " and interval below x1";
    }
}
