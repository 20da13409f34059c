package org.rnnbench.harness.claims;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A claim's plot: one row per backend and part, the 95% interval over seeds as a bar with its centre as a dot, each
 * seed's value as a tick, and the threshold (or band) in red, on the row's own scale, coloured by the part's verdict.
 * An infinite value is drawn at the row's edge with an arrow.
 */
public final class ClaimsPlot {
    static final int WIDTH = 900;
    static final int ROW = 34;
    private static final int LABEL = 330;
    private static final int MARGIN = 20;

    private ClaimsPlot() {
    }

    /** The PNG of a claim's outcomes (one per backend). */
    public static byte[] png(List<Outcome> outcomes) {
        List<String> labels = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        for (Outcome o : outcomes) {
            for (Part p : o.parts()) {
                labels.add(o.backend() + ": " + p.name());
                parts.add(p);
            }
        }
        int height = ROW * Math.max(1, parts.size()) + 2 * MARGIN;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < parts.size(); i++) {
            row(g, MARGIN + i * ROW, labels.get(i), parts.get(i));
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a claims plot", e);
        }
    }

    private static void row(Graphics2D g, int top, String label, Part p) {
        int mid = top + ROW / 2;
        g.setColor(Color.DARK_GRAY);
        g.drawString(label + " [" + p.verdict().text() + "]", 8, mid + 4);
        int x0 = LABEL;
        int x1 = WIDTH - 90;
        double[] v = p.estimate().values();
        double lo = Math.min(p.threshold().lo(), p.threshold().hi());
        double hi = Math.max(p.threshold().lo(), p.threshold().hi());
        for (double x : v) {
            if (Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        for (double x : new double[] {p.estimate().low(), p.estimate().high()}) {
            if (Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(1e-9, Math.abs(hi) * 0.1 + 1e-9);
        lo -= pad;
        hi += pad;
        final double from = lo;
        final double span = hi - lo;
        java.util.function.DoubleToIntFunction x = d -> Double.isNaN(d) ? -1 : d == Double.POSITIVE_INFINITY ? x1
            : d == Double.NEGATIVE_INFINITY ? x0 : (int) Math.round(x0 + (d - from) / span * (x1 - x0));
        g.setColor(new Color(230, 230, 230));
        g.drawLine(x0, mid, x1, mid);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x.applyAsInt(p.threshold().lo()), top + 4, x.applyAsInt(p.threshold().lo()), top + ROW - 4);
        if (p.threshold().kind() == Threshold.Kind.WITHIN) {
            g.drawLine(x.applyAsInt(p.threshold().hi()), top + 4, x.applyAsInt(p.threshold().hi()), top + ROW - 4);
        }
        Color c = switch (p.verdict()) {
            case HOLDS -> new Color(0, 130, 60);
            case DOES_NOT_HOLD -> new Color(180, 30, 30);
            case INCONCLUSIVE -> new Color(200, 130, 0);
            case NOT_RUN -> Color.GRAY;
        };
        g.setColor(c);
        if (p.estimate().defined()) {
            g.setStroke(new BasicStroke(6f));
            g.drawLine(x.applyAsInt(p.estimate().low()), mid, x.applyAsInt(p.estimate().high()), mid);
        }
        g.setStroke(new BasicStroke(1.5f));
        for (double d : v) {
            int px = x.applyAsInt(d);
            g.drawLine(px, mid - 8, px, mid + 8);
            if (Double.isInfinite(d)) {
                g.drawString(d > 0 ? ">" : "<", px + (d > 0 ? 3 : -9), mid - 8);
            }
        }
        if (!Double.isNaN(p.estimate().centre())) {
            int cx = x.applyAsInt(p.estimate().centre());
            g.fillOval(cx - 4, mid - 4, 8, 8);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(p.verdict() == Verdict.NOT_RUN ? "not run" : Threshold.number(p.estimate().centre()), x1 + 8,
            mid + 4);
    }
}
