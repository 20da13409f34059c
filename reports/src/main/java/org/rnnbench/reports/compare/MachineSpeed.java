package org.rnnbench.reports.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.read.ResultsException;
import org.rnnbench.reports.stats.Percentiles;
import org.rnnbench.reports.table.Format;

/**
 * How much slower the machine ran for the current side than for the baseline, per backend, from the calibration
 * each backend JVM recorded in its environment (a fixed workload, e.g. {@code gemm_ms} and {@code scalar_ms}): for
 * every figure both sides have, the ratio of its medians over the records, current over baseline; the backend's
 * machine ratio is their geometric mean. A loaded machine slows every unit of a backend at once, which the step
 * times alone cannot tell from a regression of the backend; divided by this ratio they can.
 */
final class MachineSpeed {
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
     * Refuses machines whose speeds differ by more than the threshold, unless the settings allow it; notes every
     * ratio used.
     *
     * @throws ResultsException naming the backends and their ratios
     */
    static void check(Map<String, Double> ratios, CompareSettings s, String baseline, String current,
                      List<String> notes) {
        List<String> off = new ArrayList<>();
        ratios.forEach((backend, ratio) -> {
            notes.add("machine speed of backend " + backend + ": its calibration took x" + Format.SIG3.text(ratio)
                + " as long in the current run as in the baseline; its step times are judged relative to that");
            if (Math.abs(Math.log(ratio)) > Math.log(1 + s.threshold())) {
                off.add(backend + " x" + Format.SIG3.text(ratio));
            }
        });
        if (!off.isEmpty() && !s.allowMachineChange()) {
            throw new ResultsException("the machines are not comparable: the calibration workload ran at another"
                + " speed in " + current + " than in " + baseline + " (" + String.join(", ", off) + ", beyond the"
                + " threshold of " + Format.SIG3.text(s.threshold() * 100) + "%); compare runs made on comparable"
                + " machines, or pass --allow-machine-change to judge step times relative to the calibration");
        }
    }

    private static Map<String, List<Double>> figures(List<LoadedRun> runs, String backend) {
        Map<String, List<Double>> out = new TreeMap<>();
        for (LoadedRun r : runs) {
            if (r.params().backend().equals(backend) && r.record().environment() != null) {
                r.record().environment().calibration().forEach((k, v) -> {
                    if (v != null && v > 0 && Double.isFinite(v)) {
                        out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                    }
                });
            }
        }
        return out;
    }

    private static double median(List<Double> values) {
        return Percentiles.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
