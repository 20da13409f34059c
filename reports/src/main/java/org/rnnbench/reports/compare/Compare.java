package org.rnnbench.reports.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        return run(List.of(baseline), List.of(current), settings);
    }

    /**
     * Reads and compares two sides of one or more results directories each: the repeated runs of a side (the same
     * command run again) are pooled, unit by unit, which narrows the between-run noise a comparison has to allow
     * for (see {@link StepTimeJudge}).
     *
     * @throws ResultsException as {@link #run(Path, Path, CompareSettings)}, and for a directory named twice on one
     *                          side
     */
    public static Comparison run(List<Path> baselines, List<Path> currents, CompareSettings settings) {
        return of(read("baseline", baselines), read("current", currents), settings);
    }

    private static List<Results> read(String side, List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new ResultsException("no " + side + " results directory given");
        }
        Set<Path> seen = new HashSet<>();
        for (Path d : dirs) {
            if (!seen.add(d.toAbsolutePath().normalize())) {
                throw new ResultsException(d + " is named twice as a " + side + "; each repeated run of a side is"
                    + " its own results directory");
            }
        }
        return dirs.stream().map(ResultsReader::read).toList();
    }

    /**
     * Compares results already read.
     *
     * @throws ResultsException when no unit is on both sides
     */
    public static Comparison of(Results baseline, Results current, CompareSettings settings) {
        return of(List.of(baseline), List.of(current), settings);
    }

    /**
     * Compares results already read, each side one or more results directories pooled unit by unit.
     *
     * @throws ResultsException when no unit is on both sides
     */
    public static Comparison of(List<Results> baselines, List<Results> currents, CompareSettings settings) {
        List<LoadedRun> baselineRuns = baselines.stream().flatMap(r -> r.runs().stream()).toList();
        List<LoadedRun> currentRuns = currents.stream().flatMap(r -> r.runs().stream()).toList();
        Map<String, List<LoadedRun>> b = byId(baselineRuns);
        Map<String, List<LoadedRun>> c = byId(currentRuns);
        List<String> warnings = new ArrayList<>();
        baselines.forEach(r -> r.warnings().forEach(w -> warnings.add("baseline: " + w)));
        currents.forEach(r -> r.warnings().forEach(w -> warnings.add("current: " + w)));
        List<String> notes = new ArrayList<>(warnings);
        environmentNotes(baselineRuns, currentRuns, notes);
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
        List<Path> baselineDirs = baselines.stream().map(Results::dir).toList();
        List<Path> currentDirs = currents.stream().map(Results::dir).toList();
        if (matched.isEmpty()) {
            throw new ResultsException("no unit is in both " + names(baselineDirs) + " (" + units(b.size()) + ") and "
                + names(currentDirs) + " (" + units(c.size()) + "), so nothing can be compared; compare results of"
                + " the same suite or matrix");
        }
        onlyBaseline.sort(null);
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Double>> baselineSeeds = MetricJudge.seedValues(baselineRuns);
        for (MatchedUnit u : matched) {
            findings.add(StatusJudge.judge(u));
            MetricJudge.judge(u, baselineSeeds, settings).ifPresent(findings::add);
        }
        Map<String, Double> machine = MachineSpeed.ratios(baselineRuns, currentRuns);
        MachineSpeed.noteDrift(MachineSpeed.drift(baselineRuns), "baseline", settings, notes);
        MachineSpeed.noteDrift(MachineSpeed.drift(currentRuns), "current", settings, notes);
        MachineSpeed.check(machine, settings, names(baselineDirs), names(currentDirs), notes);
        findings.addAll(StepTimeJudge.judge(matched, settings, machine, notes));
        return new Comparison(baselineDirs, currentDirs, baselineRuns.size(), currentRuns.size(),
            settings, findings, onlyBaseline, onlyCurrent, notes, warnings);
    }

    private static String names(List<Path> dirs) {
        return dirs.stream().map(Path::toString).collect(Collectors.joining(", "));
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
