package org.rnnbench.reports.plot;

import java.util.List;
import java.util.Optional;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.rnnbench.reports.summary.ConfigSummary;

/**
 * Speed of a task: one bar per configuration and backend, the median ms per train step (every seed's steps after
 * warm-up pooled), with an error bar from the 10th to the 90th percentile.
 */
public final class SpeedChart {
    private SpeedChart() {
    }

    /** The plot of {@code task}, empty when no run recorded step times. */
    public static Optional<PlotImage> of(String task, List<ConfigSummary> summaries) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        RangeBarRenderer renderer = new RangeBarRenderer();
        double top = 0;
        for (ConfigSummary s : summaries) {
            if (!s.task().equals(task) || s.stepMillis().n() == 0) {
                continue;
            }
            data.addValue(s.stepMillis().median(), s.backend(), s.label());
            renderer.setRange(s.backend(), s.label(), s.stepMillis().p10(), s.stepMillis().p90());
            top = Math.max(top, s.stepMillis().p90());
        }
        if (data.getRowCount() == 0) {
            return Optional.empty();
        }
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, Charts.color(i));
        }
        String title = "Train step time: " + task;
        JFreeChart chart = ChartFactory.createBarChart(title, "cell", "ms per train step", data,
            PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRenderer(renderer);
        plot.getRangeAxis().setRange(0, top > 0 ? top * 1.1 : 1);
        if (data.getColumnCount() > 3) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return Optional.of(new PlotImage(Charts.fileName("speed", task), task, title,
            "Median milliseconds per train step, one bar per backend, error bars from the 10th to the 90th"
                + " percentile of the per-step times (all seeds, warm-up steps dropped).", Charts.png(chart)));
    }
}
