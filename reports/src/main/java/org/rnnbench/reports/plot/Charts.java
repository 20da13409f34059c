package org.rnnbench.reports.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.rnnbench.reports.table.Table;

/**
 * What every chart shares: headless AWT (set before any AWT class loads), one look (white background, light grey
 * grid), a fixed palette, and PNG encoding at a fixed size.
 */
public final class Charts {
    /** Width of every PNG in pixels. */
    public static final int WIDTH = 900;
    /** Height of every PNG in pixels. */
    public static final int HEIGHT = 500;
    /** Dashes for the second line of a pair (gradient norms at initialisation). */
    public static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {7f, 5f}, 0f);
    /** The stroke of ordinary lines. */
    public static final Stroke SOLID = new BasicStroke(1.8f);
    /** The grid colour. */
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xd62728),
        new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
        new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf));

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** The i-th colour of the palette (cycling). */
    public static Paint color(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /**
     * A log axis over [min, max] (both positive): ticks at whole decades labelled as powers of ten when the range
     * spans two decades or more, otherwise automatic ticks labelled with their values (never 10^0.35).
     */
    public static LogAxis logAxis(String label, double min, double max) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(Math.max(Double.MIN_NORMAL, min / 10));
        axis.setRange(min, max);
        if (Math.log10(max / min) >= 2) {
            axis.setTickUnit(new NumberTickUnit(1));
        } else {
            axis.setNumberFormatOverride(new DecimalFormat(max < 0.01 ? "0.0#E0" : "0.0##"));
        }
        return axis;
    }

    /** Applies the common look to a chart. */
    static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
        }
        return chart;
    }

    /** The chart as PNG bytes at {@link #WIDTH} x {@link #HEIGHT}. */
    public static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, style(chart), WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }

    /** A file name made of a kind and parts, each reduced to file-name-safe characters, ending in {@code .png}. */
    public static String fileName(String kind, String... parts) {
        StringBuilder sb = new StringBuilder(kind);
        for (String p : parts) {
            sb.append('-').append(Table.slug(p));
        }
        return sb.append(".png").toString();
    }
}
