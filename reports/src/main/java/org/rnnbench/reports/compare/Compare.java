package org.rnnbench.reports.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.rnnbench.core.run.Environment;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.read.Results;
import org.rnnbench.reports.read.ResultsException;
import org.rnnbench.reports.read.ResultsReader;

/**
 * The regression gate, as a library: reads two results directories, matches run units by run id, and judges each
 * matched unit's status ({@link StatusJudge}), step time ({@link StepTimeJudge}, also per backend) and primary
 * metric ({@link MetricJudge}). Units on one side only are listed in the result, never dropped; two directories
 * without a unit in common are bad input, since a gate that compared nothing must not pass.
 *
 * <pre>
 * Comparison c = Compare.run(baselineDir, currentDir, CompareSettings.DEFAULTS);
 * System.out.print(c.markdown());
 * System.exit(c.exitCode());          // 1 on a regression, 0 otherwise
 * </pre>
 *
 * Bad input throws {@link ResultsException} with a one-line message naming the directory, file or line; a
 * command line prints it and exits with {@link Comparison#BAD_INPUT}.
 */
public final class Compare {
    private Compare() {
    }

    /**
     * Reads and compares two results directories.
     *
     * @throws ResultsException for a missing directory, no records, a corrupt line, a unit recorded twice or no
     *                          unit on both sides
     */
    public static Comparison run(Path baseline, Path current, CompareSettings settings) {
        Results b = ResultsReader.read(baseline);
        Results c = ResultsReader.read(current);
        return of(b, c, settings);
    }

    /**
     * Compares results already read.
     *
     * @throws ResultsException when no unit is on both sides
     */
    public static Comparison of(Results baseline, Results current, CompareSettings settings) {
        Map<String, List<LoadedRun>> b = byId(baseline.runs());
        Map<String, List<LoadedRun>> c = byId(current.runs());
        List<String> warnings = new ArrayList<>();
        baseline.warnings().forEach(w -> warnings.add("baseline: " + w));
        current.warnings().forEach(w -> warnings.add("current: " + w));
        List<String> notes = new ArrayList<>(warnings);
        environmentNotes(baseline.runs(), current.runs(), notes);
        List<MatchedUnit> matched = new ArrayList<>();
        List<String> onlyBaseline = new ArrayList<>();
        for (Map.Entry<String, List<LoadedRun>> e : b.entrySet()) {
            if (c.containsKey(e.getKey())) {
                matched.add(new MatchedUnit(e.getKey(), e.getValue(), c.get(e.getKey())));
            } else {
                onlyBaseline.add(e.getKey());
            }
        }
        List<String> onlyCurrent = c.keySet().stream().filter(id -> !b.containsKey(id)).sorted().toList();
        if (matched.isEmpty()) {
            throw new ResultsException("no unit is in both " + baseline.dir() + " (" + units(b.size()) + ") and "
                + current.dir() + " (" + units(c.size()) + "), so nothing can be compared; compare results of the"
                + " same suite or matrix");
        }
        onlyBaseline.sort(null);
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Double>> baselineSeeds = MetricJudge.seedValues(baseline.runs());
        for (MatchedUnit u : matched) {
            findings.add(StatusJudge.judge(u));
            MetricJudge.judge(u, baselineSeeds, settings).ifPresent(findings::add);
        }
        Map<String, Double> machine = MachineSpeed.ratios(baseline.runs(), current.runs());
        MachineSpeed.check(machine, settings, baseline.dir().toString(), current.dir().toString(), notes);
        findings.addAll(StepTimeJudge.judge(matched, settings, machine, notes));
        return new Comparison(baseline.dir(), current.dir(), baseline.runs().size(), current.runs().size(),
            settings, findings, onlyBaseline, onlyCurrent, notes, warnings);
    }

    private static String units(int n) {
        return n + (n == 1 ? " unit" : " units");
    }

    private static Map<String, List<LoadedRun>> byId(List<LoadedRun> runs) {
        Map<String, List<LoadedRun>> out = new LinkedHashMap<>();
        for (LoadedRun r : runs) {
            out.computeIfAbsent(r.record().id(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** Notes where the two sides ran on different machines, JVMs or thread settings. */
    static void environmentNotes(List<LoadedRun> baseline, List<LoadedRun> current, List<String> notes) {
        describe("CPU", baseline, current, Environment::cpu, notes);
        describe("cores", baseline, current, e -> Integer.toString(e.cores()), notes);
        describe("JVM", baseline, current, Environment::jvm, notes);
        describe("OS", baseline, current, Environment::os, notes);
        describe("threads", baseline, current, e -> Objects.toString(e.threads()), notes);
    }

    private static void describe(String what, List<LoadedRun> baseline, List<LoadedRun> current,
                                 Function<Environment, String> property, List<String> notes) {
        Set<String> b = values(baseline, property);
        Set<String> c = values(current, property);
        if (!b.equals(c)) {
            notes.add(what + " differs: baseline " + String.join(" | ", b) + "; current " + String.join(" | ", c)
                + (what.equals("CPU") || what.equals("cores") ? " (step times from different machines)" : ""));
        }
    }

    private static Set<String> values(List<LoadedRun> runs, Function<Environment, String> f) {
        Set<String> out = new TreeSet<>();
        for (LoadedRun r : runs) {
            Environment e = r.record().environment();
            out.add(e == null ? "not recorded" : Objects.toString(f.apply(e)));
        }
        return out;
    }
}
