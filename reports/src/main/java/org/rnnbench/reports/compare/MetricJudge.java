package org.rnnbench.reports.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.table.Format;

/**
 * The primary metric of a unit that ended OK on both sides. The change {@code current - baseline} counts when it
 * exceeds the tolerance
 *
 * <pre>
 * tolerance = max(metricSigmas * s, chanceFraction * |baseline - chance|)
 * </pre>
 *
 * where s is the sample standard deviation of the configuration's metric over its OK seeds in the baseline (the
 * current side's spread is not used: a regression in some of its seeds would widen it and hide itself), left out
 * when the baseline has fewer than two; chance is the baseline's chance level of the metric (analytic, else
 * empirical), 0 when unknown. With one seed only the distance to chance sets the scale: a model that beats chance
 * by a wide margin may move further before it counts. Worse beyond the tolerance (in the metric's direction) is a
 * regression, better beyond it an improvement; a finite value turning NaN is a regression.
 */
final class MetricJudge {
    private MetricJudge() {
    }

    /**
     * Per configuration key, the finite primary-metric values of the OK runs on one side, one per seed (the mean of
     * a seed's repeated runs, so that pooling runs does not shrink the seed spread).
     */
    static Map<String, List<Double>> seedValues(List<LoadedRun> runs) {
        Map<String, Map<String, List<Double>>> byConfig = new LinkedHashMap<>();
        for (LoadedRun r : runs) {
            double v = r.primaryValue();
            if (r.record().status() == RunStatus.OK && Double.isFinite(v)) {
                byConfig.computeIfAbsent(r.configKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.record().id(), k -> new ArrayList<>()).add(v);
            }
        }
        Map<String, List<Double>> out = new HashMap<>();
        byConfig.forEach((config, seeds) -> out.put(config, seeds.values().stream()
            .map(l -> l.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toList()));
        return out;
    }

    /** The finding, empty when a side did not end OK (the status finding covers that). */
    static Optional<Finding> judge(MatchedUnit unit, Map<String, List<Double>> baselineSeeds, CompareSettings s) {
        if (MatchedUnit.status(unit.baseline()) != RunStatus.OK || MatchedUnit.status(unit.current()) != RunStatus.OK) {
            return Optional.empty();
        }
        RunRecord b0 = unit.baseline().get(0).record();
        RunRecord c0 = unit.current().get(0).record();
        String metric = b0.primaryMetric();
        if (!metric.equals(c0.primaryMetric())) {
            return Optional.of(new Finding(unit.id(), Aspect.METRIC, Verdict.NOT_COMPARED, Double.NaN, metric,
                c0.primaryMetric(), "-", "the primary metric changed name; values are not comparable"));
        }
        double b = mean(unit.baseline());
        double c = mean(unit.current());
        if (!Double.isFinite(b) || !Double.isFinite(c)) {
            Verdict v = Double.isFinite(b) ? Verdict.REGRESSION : Double.isFinite(c) ? Verdict.IMPROVEMENT
                : Verdict.NOT_COMPARED;
            return Optional.of(new Finding(unit.id(), Aspect.METRIC, v, Double.NaN, text(metric, b),
                text(metric, c), "-", "a value is missing or not finite"));
        }
        double sd = sampleSd(baselineSeeds.get(unit.configKey()));
        double chance = unit.baseline().get(0).chance();
        double distance = Math.abs(b - (Double.isFinite(chance) ? chance : 0));
        double bySeeds = Double.isFinite(sd) ? s.metricSigmas() * sd : 0;
        double byChance = s.chanceFraction() * distance;
        double tolerance = Math.max(bySeeds, byChance);
        double worse = b0.higherIsBetter() ? b - c : c - b;
        Verdict verdict = worse > tolerance ? Verdict.REGRESSION : -worse > tolerance ? Verdict.IMPROVEMENT
            : Verdict.UNCHANGED;
        String scale = (Double.isFinite(sd) ? fmt(s.metricSigmas()) + " x seed sd " + Format.SIG3.text(sd)
            + " = " + Format.SIG3.text(bySeeds) + ", " : "one seed: ") + fmt(s.chanceFraction() * 100)
            + "% of distance to chance " + Format.SIG3.text(distance) + " = " + Format.SIG3.text(byChance);
        return Optional.of(new Finding(unit.id(), Aspect.METRIC, verdict, c - b, text(metric, b), text(metric, c),
            Format.SIGNED3.text(c - b) + (b0.higherIsBetter() ? " (higher is better)" : " (lower is better)"),
            "|change| " + Format.SIG3.text(Math.abs(c - b)) + (Math.abs(c - b) > tolerance ? " > " : " <= ")
                + "tolerance " + Format.SIG3.text(tolerance) + " (" + scale + ")"));
    }

    /** The sample standard deviation of {@code values}, NaN for fewer than two. */
    static double sampleSd(List<Double> values) {
        if (values == null || values.size() < 2) {
            return Double.NaN;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(ss / (values.size() - 1));
    }

    private static double mean(List<LoadedRun> runs) {
        return runs.stream().mapToDouble(LoadedRun::primaryValue).average().orElse(Double.NaN);
    }

    private static String text(String metric, double v) {
        return metric + " " + Format.SIG3.text(v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Format.SIG3.text(v);
    }
}
