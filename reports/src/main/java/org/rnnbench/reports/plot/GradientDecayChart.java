package org.rnnbench.reports.plot;

import java.util.List;
import java.util.Optional;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnnbench.reports.summary.ConfigSummary;

/**
 * Gradient decay of one task on one backend: norm of dL/dh_t against t on a log axis, one colour per cell, the
 * norm at initialisation dashed and after training solid (geometric means over seeds). Non-positive and
 * non-finite norms have no place on a log axis and are left out.
 */
public final class GradientDecayChart {
    private GradientDecayChart() {
    }

    /** The plot of the configurations of {@code task} on {@code backend}, empty when none recorded norms. */
    public static Optional<PlotImage> of(String task, String backend, List<ConfigSummary> summaries) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        List<String> labels = summaries.stream().filter(s -> s.task().equals(task)).map(ConfigSummary::label)
            .distinct().toList();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (ConfigSummary s : summaries) {
            if (!s.task().equals(task) || !s.backend().equals(backend) || !s.hasGradients()) {
                continue;
            }
            int colour = labels.indexOf(s.label());
            for (boolean trained : new boolean[] {false, true}) {
                double[] curve = trained ? s.gradTrained() : s.gradInitial();
                XYSeries series = new XYSeries(s.label() + (trained ? " trained" : " initial"), false, true);
                for (int t = 0; t < curve.length; t++) {
                    if (Double.isFinite(curve[t]) && curve[t] > 0) {
                        series.add(t + 1, curve[t]);
                        min = Math.min(min, curve[t]);
                        max = Math.max(max, curve[t]);
                    }
                }
                if (series.getItemCount() > 0) {
                    int i = data.getSeriesCount();
                    data.addSeries(series);
                    renderer.setSeriesPaint(i, Charts.color(colour));
                    renderer.setSeriesStroke(i, trained ? Charts.SOLID : Charts.DASHED);
                }
            }
        }
        if (data.getSeriesCount() == 0) {
            return Optional.empty();
        }
        String title = "Gradient decay: " + task + " on " + backend;
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time step t", "||dL/dh_t||", data,
            PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(Charts.logAxis("||dL/dh_t|| (log scale)", min / 1.5, max * 1.5));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRenderer(renderer);
        return Optional.of(new PlotImage(Charts.fileName("gradients", task, backend), task, title,
            "Norm of the loss gradient with respect to the top layer's hidden state at each step, at initialisation"
                + " (dashed) and after training (solid), geometric mean over seeds. A straight falling line on this"
                + " log axis is exponential decay.", Charts.png(chart)));
    }
}
