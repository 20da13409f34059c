package org.rnnbench.reports.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.axis.LogAxis;
import org.junit.jupiter.api.Test;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.reports.Fixtures;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.summary.ConfigSummary;

/** The plots: error bars where the percentiles are, log axes without fractional powers, empty plots left out. */
class ChartsTest {

    /** A configuration whose 21 step times have p10 2 ms, median 5 ms and p90 9 ms (or all 5 ms). */
    static ConfigSummary summary(boolean spread) {
        long[] nanos = new long[21];
        for (int i = 0; i < nanos.length; i++) {
            double ms = !spread ? 5 : i <= 2 ? 2 : i >= 18 ? 9 : 5;
            nanos[i] = Math.round(ms * 1e6);
        }
        RunRecord r = Fixtures.with(Fixtures.record("t", "scratch", "gru", 8, 1, 0.8, 1), RunStatus.OK, "", nanos,
            Map.of("accuracy", 0.8));
        return ConfigSummary.of("gru", List.of(new LoadedRun(r, "x:1")), 0);
    }

    @Test
    void speedBarsCarryTheirP10ToP90ErrorBar() throws IOException {
        ConfigSummary s = summary(true);
        assertEquals(2, s.stepMillis().p10(), 1e-9);
        assertEquals(5, s.stepMillis().median(), 1e-9);
        assertEquals(9, s.stepMillis().p90(), 1e-9);
        BufferedImage withBar = image(SpeedChart.of("t", List.of(s)).orElseThrow());
        BufferedImage without = image(SpeedChart.of("t", List.of(summary(false))).orElseThrow());
        int x = barCentre(withBar);
        int top = barTop(withBar);
        // above the bar's top (5 ms) the whisker runs up to 9 ms: 4/9.9 of the axis height, well over 50 pixels
        assertTrue(blackRunAbove(withBar, x, top) > 50, "whisker above the bar: " + blackRunAbove(withBar, x, top));
        assertTrue(blackRunAbove(without, barCentre(without), barTop(without)) < 5, "no spread, no whisker");
    }

    @Test
    void logAxesTickWholeDecadesOrLabelValues() {
        LogAxis wide = Charts.logAxis("y", 1e-6, 1);
        assertEquals(1, wide.getTickUnit().getSize(), 0, "ticks at whole decades");
        assertNull(wide.getNumberFormatOverride());
        LogAxis narrow = Charts.logAxis("y", 0.1, 0.5);
        assertNotNull(narrow.getNumberFormatOverride(), "values, not 10^-0.35");
        assertEquals("0.25", narrow.getNumberFormatOverride().format(0.25));
    }

    @Test
    void plotsWithoutDataAreLeftOut() {
        RunRecord r = Fixtures.record("t", "scratch", "gru", 8, 1, 0.8, 1);
        RunRecord bare = new RunRecord(r.id(), r.params(), RunStatus.FAILED, "boom", "", "", "", 0, 0, 0,
            new double[0], new long[0], "accuracy", true, Map.of(), Map.of(), Map.of(), Double.NaN, -1, Double.NaN,
            new double[0], new double[0], r.environment(), "");
        List<ConfigSummary> s = List.of(ConfigSummary.of("gru", List.of(new LoadedRun(bare, "x:1")), 0.1));
        assertTrue(GradientDecayChart.of("t", "scratch", s).isEmpty());
        assertTrue(LossChart.of("t", s).isEmpty());
        assertTrue(SpeedChart.of("t", s).isEmpty());
        assertTrue(MetricParamsChart.of("t", s).isEmpty());
    }

    @Test
    void gradientNormsOfZeroAreDroppedFromTheLogAxis() {
        RunRecord r = Fixtures.record("t", "scratch", "gru", 8, 1, 0.8, 1);
        RunRecord zeros = new RunRecord(r.id(), r.params(), r.status(), "", "", "", "", 1, 1, 1, r.losses(),
            r.stepNanos(), "accuracy", true, r.metrics(), r.chanceAnalytic(), r.chanceEmpirical(), Double.NaN, -1,
            Double.NaN, new double[] {0, 1e-3, 1}, new double[] {0, 0, 0.5}, r.environment(), "");
        PlotImage p = GradientDecayChart.of("t", "scratch",
            List.of(ConfigSummary.of("gru", List.of(new LoadedRun(zeros, "x:1")), 0.1))).orElseThrow();
        assertEquals("gradients-t-scratch.png", p.fileName());
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("gradients-copy-T100-djl_unrolled.png", Charts.fileName("gradients", "copy-T100", "djl:unrolled"));
    }

    static BufferedImage image(PlotImage p) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(p.png()));
    }

    static boolean isBar(int rgb) {
        return (rgb & 0xffffff) == 0x1f77b4;
    }

    static boolean isBlack(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r < 60 && g < 60 && b < 60;
    }

    /** The bar's left and right edges on the row with the most bar-coloured pixels. */
    static int[] barEdges(BufferedImage img) {
        int bestRow = 0;
        int bestCount = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int n = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                n += isBar(img.getRGB(x, y)) ? 1 : 0;
            }
            if (n > bestCount) {
                bestCount = n;
                bestRow = y;
            }
        }
        int left = 0;
        while (!isBar(img.getRGB(left, bestRow))) {
            left++;
        }
        int right = img.getWidth() - 1;
        while (!isBar(img.getRGB(right, bestRow))) {
            right--;
        }
        return new int[] {left, right};
    }

    /** The middle column of the bar. */
    static int barCentre(BufferedImage img) {
        int[] edges = barEdges(img);
        return (edges[0] + edges[1]) / 2;
    }

    /** The topmost bar-coloured pixel near the bar's left edge. */
    static int barTop(BufferedImage img) {
        int x = barEdges(img)[0] + 3;
        for (int y = 0; y < img.getHeight(); y++) {
            if (isBar(img.getRGB(x, y))) {
                return y;
            }
        }
        throw new AssertionError("no bar in column " + x);
    }

    /** Black pixels in the column (or its neighbours) just above {@code top}, counted upwards until a gap. */
    static int blackRunAbove(BufferedImage img, int x, int top) {
        int n = 0;
        for (int y = top - 1; y > 0; y--) {
            boolean black = isBlack(img.getRGB(x, y)) || isBlack(img.getRGB(x - 1, y)) || isBlack(img.getRGB(x + 1, y));
            if (!black) {
                break;
            }
            n++;
        }
        return n;
    }
}
