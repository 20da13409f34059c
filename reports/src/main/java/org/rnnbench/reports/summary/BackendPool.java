package org.rnnbench.reports.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnnbench.core.run.RunStatus;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.stats.MeanInterval;

/**
 * One configuration of a task over every backend: the backends share the canonical parameter count and (given the
 * same initial weights and batches) the expected metric, so accuracy against parameters pools them.
 *
 * @param task    the task
 * @param label   the configuration label
 * @param configs the summaries of each backend, in report order
 * @param metric  the primary metric over every OK run of every backend
 */
public record BackendPool(String task, String label, List<ConfigSummary> configs, MeanInterval metric) {

    /** The pools of {@code summaries}, in order of first appearance. */
    public static List<BackendPool> of(List<ConfigSummary> summaries) {
        Map<List<String>, List<ConfigSummary>> groups = new LinkedHashMap<>();
        for (ConfigSummary s : summaries) {
            groups.computeIfAbsent(List.of(s.task(), s.label()), k -> new ArrayList<>()).add(s);
        }
        List<BackendPool> out = new ArrayList<>();
        groups.forEach((k, group) -> out.add(new BackendPool(k.get(0), k.get(1), List.copyOf(group),
            MeanInterval.of(group.stream().flatMap(s -> s.runs().stream())
                .filter(r -> r.record().status() == RunStatus.OK).mapToDouble(LoadedRun::primaryValue)
                .toArray()))));
        return out;
    }

    /** The first backend's summary (cell, parameters, metric name and chance are the same for all). */
    public ConfigSummary first() {
        return configs.get(0);
    }

    /** The label of the LSTM with the same hyper-parameters. */
    public String lstmLabel() {
        return "lstm" + label.substring(first().cell().length());
    }
}
