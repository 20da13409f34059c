package org.rnnbench.reports.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Vertical bars with an asymmetric error bar on each (p10 to p90 around a median, say), which JFreeChart's
 * statistical renderers cannot draw: they only know a symmetric standard deviation.
 */
final class RangeBarRenderer extends BarRenderer {
    private final Map<String, double[]> ranges = new HashMap<>();

    RangeBarRenderer() {
        setShadowVisible(false);
        setDrawBarOutline(false);
        setBarPainter(new StandardBarPainter());
    }

    /** Sets the error bar of the bar at (series, category). */
    void setRange(Comparable<?> series, Comparable<?> category, double low, double high) {
        ranges.put(series + "\u0000" + category, new double[] {low, high});
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double[] range = ranges.get(dataset.getRowKey(row) + "\u0000" + dataset.getColumnKey(column));
        if (range == null || !Double.isFinite(range[0]) || !Double.isFinite(range[1])) {
            return;
        }
        double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
        double xc = x0 + state.getBarWidth() / 2;
        double cap = state.getBarWidth() / 4;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double yLow = rangeAxis.valueToJava2D(range[0], dataArea, edge);
        double yHigh = rangeAxis.valueToJava2D(range[1], dataArea, edge);
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(new Line2D.Double(xc, yLow, xc, yHigh));
        g2.draw(new Line2D.Double(xc - cap, yLow, xc + cap, yLow));
        g2.draw(new Line2D.Double(xc - cap, yHigh, xc + cap, yHigh));
    }
}
