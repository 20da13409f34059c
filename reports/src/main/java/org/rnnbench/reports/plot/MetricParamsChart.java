package org.rnnbench.reports.plot;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.rnnbench.reports.summary.BackendPool;
import org.rnnbench.reports.summary.ConfigSummary;

/**
 * The primary metric against the canonical parameter count for a task: one point per configuration (backends
 * pooled) with its 95% interval as an error bar, one colour per cell, and the chance level as a dashed line.
 */
public final class MetricParamsChart {
    private MetricParamsChart() {
    }

    /** The plot of {@code task}, empty when no configuration has both a metric and a parameter count. */
    public static Optional<PlotImage> of(String task, List<ConfigSummary> summaries) {
        Map<String, YIntervalSeries> byCell = new LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = 0;
        String metric = "";
        double chance = Double.NaN;
        for (BackendPool p : BackendPool.of(summaries)) {
            ConfigSummary s = p.first();
            double y = p.metric().mean();
            if (!p.task().equals(task) || !Double.isFinite(y) || s.canonicalParams() <= 0) {
                continue;
            }
            double half = Double.isFinite(p.metric().halfWidth()) ? p.metric().halfWidth() : 0;
            byCell.computeIfAbsent(s.cell(), c -> new YIntervalSeries(c, false, true))
                .add(s.canonicalParams(), y, y - half, y + half);
            lo = Math.min(lo, y - half);
            hi = Math.max(hi, y + half);
            xMin = Math.min(xMin, s.canonicalParams());
            xMax = Math.max(xMax, s.canonicalParams());
            metric = s.metricName();
            chance = Double.isFinite(s.chance()) ? s.chance() : chance;
        }
        if (byCell.isEmpty()) {
            return Optional.empty();
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        for (YIntervalSeries series : byCell.values()) {
            int i = data.getSeriesCount();
            data.addSeries(series);
            renderer.setSeriesPaint(i, Charts.color(i));
            renderer.setSeriesStroke(i, Charts.SOLID);
        }
        String title = metric + " against parameters: " + task;
        JFreeChart chart = ChartFactory.createScatterPlot(title, "canonical parameters", metric, data,
            PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        if (xMax / xMin > 30) {
            LogAxis axis = Charts.logAxis("canonical parameters (log scale)", xMin / 1.5, xMax * 1.5);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
            plot.setDomainAxis(axis);
        } else {
            ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        }
        if (Double.isFinite(chance)) {
            ValueMarker marker = new ValueMarker(chance, Color.GRAY, Charts.DASHED);
            marker.setLabel("chance " + metric);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
            lo = Math.min(lo, chance);
            hi = Math.max(hi, chance);
        }
        double pad = hi > lo ? (hi - lo) * 0.1 : Math.max(Math.abs(hi) * 0.1, 1e-3);
        plot.getRangeAxis().setRange(lo - pad, hi + pad);
        return Optional.of(new PlotImage(Charts.fileName("metric-vs-params", task), task, title,
            "Mean " + metric + " over every backend and seed against the canonical parameter count, with 95%"
                + " confidence intervals; the dashed line is chance.", Charts.png(chart)));
    }
}
