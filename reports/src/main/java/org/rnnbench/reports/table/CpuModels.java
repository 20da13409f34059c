package org.rnnbench.reports.table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.rnnbench.core.run.Environment;
import org.rnnbench.reports.read.LoadedRun;

/**
 * The CPU models runs were measured on: step times from different models do not compare, which matters once the
 * shards of one sweep ran on different nodes.
 */
final class CpuModels {
    private CpuModels() {
    }

    /** CPU model to the number of runs on it, sorted by model; {@code unknown} when not recorded. */
    static Map<String, Integer> of(List<LoadedRun> runs) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LoadedRun r : runs) {
            Environment env = r.record().environment();
            counts.merge(env == null || env.cpu() == null ? "unknown" : env.cpu(), 1, Integer::sum);
        }
        return counts;
    }

    /** {@code AMD EPYC 7B13}, or with several models {@code mixed: AMD EPYC 7B13 (2 runs), Xeon (1 run)}. */
    static String describe(Map<String, Integer> counts) {
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        return "mixed: " + counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue()
            + (e.getValue() == 1 ? " run)" : " runs)")).collect(Collectors.joining(", "));
    }
}
