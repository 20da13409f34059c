package org.rnnbench.reports.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.reports.read.LoadedRun;

/**
 * Groups runs by configuration and orders the groups the way every table lists them: by task, then cell (RNN
 * tanh, RNN ReLU, LSTM, GRU, then unknown cells by name), then label, then backend.
 */
public final class Summaries {
    private Summaries() {
    }

    /** One summary per configuration of {@code runs}, in report order. */
    public static List<ConfigSummary> of(List<LoadedRun> runs, double warmupFraction) {
        Map<String, List<LoadedRun>> byKey = new LinkedHashMap<>();
        for (LoadedRun r : runs) {
            byKey.computeIfAbsent(r.configKey(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Set<String>> varying = varyingHyperParameters(runs);
        List<ConfigSummary> out = new ArrayList<>();
        for (List<LoadedRun> group : byKey.values()) {
            RunParams p = group.get(0).params();
            out.add(ConfigSummary.of(label(p, varying.get(p.task())), group, warmupFraction));
        }
        out.sort(Comparator.comparing(ConfigSummary::task).thenComparingInt(s -> cellRank(s.cell()))
            .thenComparing(ConfigSummary::cell).thenComparing(ConfigSummary::label)
            .thenComparing(ConfigSummary::backend));
        return out;
    }

    /** The tasks of {@code summaries}, in order of first appearance. */
    public static List<String> tasks(List<ConfigSummary> summaries) {
        return summaries.stream().map(ConfigSummary::task).distinct().toList();
    }

    /** The summaries of one task. */
    public static List<ConfigSummary> ofTask(List<ConfigSummary> summaries, String task) {
        return summaries.stream().filter(s -> s.task().equals(task)).toList();
    }

    /**
     * The label of a configuration: the cell id, followed by the hyper-parameters in {@code varying} with their
     * values, e.g. {@code gru[hidden=64,lr=0.01]}.
     */
    public static String label(RunParams p, Set<String> varying) {
        if (varying == null || varying.isEmpty()) {
            return p.cell();
        }
        StringBuilder sb = new StringBuilder(p.cell()).append('[');
        p.hyperParameters().forEach((k, v) -> {
            if (varying.contains(k)) {
                sb.append(k).append('=').append(v).append(',');
            }
        });
        sb.setLength(sb.length() - 1);
        return sb.append(']').toString();
    }

    /** Per task, the hyper-parameters that take more than one value within it. */
    static Map<String, Set<String>> varyingHyperParameters(List<LoadedRun> runs) {
        Map<String, Map<String, Set<String>>> values = new TreeMap<>();
        for (LoadedRun r : runs) {
            Map<String, Set<String>> perKey = values.computeIfAbsent(r.params().task(), t -> new TreeMap<>());
            r.params().hyperParameters().forEach((k, v) -> perKey.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        Map<String, Set<String>> out = new TreeMap<>();
        values.forEach((task, perKey) -> {
            Set<String> keys = new TreeSet<>();
            perKey.forEach((k, vs) -> {
                if (vs.size() > 1) {
                    keys.add(k);
                }
            });
            out.put(task, keys);
        });
        return out;
    }

    /** The position of a cell in report order. */
    static int cellRank(String cell) {
        try {
            return CellType.parse(cell).ordinal();
        } catch (IllegalArgumentException e) {
            return CellType.values().length;
        }
    }
}
