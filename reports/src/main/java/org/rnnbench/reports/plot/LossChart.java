package org.rnnbench.reports.plot;

import java.util.List;
import java.util.Optional;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnnbench.reports.summary.ConfigSummary;

/**
 * Training loss against step for every configuration and backend of a task (mean over seeds), on a log axis when
 * every loss is positive and they span more than a decade.
 */
public final class LossChart {
    private LossChart() {
    }

    /** The plot of {@code task}, empty when no run recorded losses. */
    public static Optional<PlotImage> of(String task, List<ConfigSummary> summaries) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ConfigSummary s : summaries) {
            if (!s.task().equals(task)) {
                continue;
            }
            XYSeries series = new XYSeries(s.label() + " @" + s.backend(), false, true);
            double[] loss = movingAverage(s.meanLoss(), window(s.meanLoss().length));
            for (int t = 0; t < loss.length; t++) {
                if (Double.isFinite(loss[t])) {
                    series.add(t + 1, loss[t]);
                    min = Math.min(min, loss[t]);
                    max = Math.max(max, loss[t]);
                }
            }
            if (series.getItemCount() > 0) {
                int i = data.getSeriesCount();
                data.addSeries(series);
                renderer.setSeriesPaint(i, Charts.color(i));
                renderer.setSeriesStroke(i, Charts.SOLID);
            }
        }
        if (data.getSeriesCount() == 0) {
            return Optional.empty();
        }
        String title = "Training loss: " + task;
        JFreeChart chart = ChartFactory.createXYLineChart(title, "train step", "loss", data,
            PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        boolean logScale = min > 0 && max / min > 10;
        if (logScale) {
            plot.setRangeAxis(Charts.logAxis("loss (log scale)", min / 1.3, max * 1.3));
        }
        plot.setRenderer(renderer);
        return Optional.of(new PlotImage(Charts.fileName("loss", task), task, title,
            "Training loss, mean over seeds, one line per cell and backend, smoothed by a trailing moving average"
                + " over 2% of the steps" + (logScale ? " (log axis)." : "."), Charts.png(chart)));
    }

    /** The smoothing window for a curve of {@code n} steps: 2% of them, at least 1. */
    static int window(int n) {
        return Math.max(1, n / 50);
    }

    /** The trailing mean over the last {@code window} finite values at each step; NaN where there is none. */
    static double[] movingAverage(double[] x, int window) {
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            double sum = 0;
            int n = 0;
            for (int k = Math.max(0, t - window + 1); k <= t; k++) {
                if (Double.isFinite(x[k])) {
                    sum += x[k];
                    n++;
                }
            }
            out[t] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }
}
