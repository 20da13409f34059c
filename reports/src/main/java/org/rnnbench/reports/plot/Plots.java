package org.rnnbench.reports.plot;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.reports.summary.ConfigSummary;
import org.rnnbench.reports.summary.Summaries;

/**
 * Every plot of a report, in a fixed order: per task (in report order) the metric against parameters, the speed
 * bars, the loss curves, then the gradient decay of each backend. A plot without data is left out.
 */
public final class Plots {
    private Plots() {
    }

    /** The plots of {@code summaries}. */
    public static List<PlotImage> of(List<ConfigSummary> summaries) {
        List<PlotImage> out = new ArrayList<>();
        for (String task : Summaries.tasks(summaries)) {
            List<ConfigSummary> ofTask = Summaries.ofTask(summaries, task);
            MetricParamsChart.of(task, ofTask).ifPresent(out::add);
            SpeedChart.of(task, ofTask).ifPresent(out::add);
            LossChart.of(task, ofTask).ifPresent(out::add);
            for (String backend : ofTask.stream().map(ConfigSummary::backend).distinct().sorted().toList()) {
                GradientDecayChart.of(task, backend, ofTask).ifPresent(out::add);
            }
        }
        return out;
    }
}
