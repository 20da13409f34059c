package org.rnnbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rnnbench.reports.summary.ConfigSummary;

/**
 * Gradient decay in numbers: per configuration and backend, the norm of dL/dh_t at the first and the last
 * recurrent step (geometric mean over seeds), at initialisation and after training, and the decay between them in
 * decades, {@code log10(norm at last step / norm at first step)}: how many orders of magnitude the gradient loses
 * travelling back through the sequence (positive = vanishing).
 */
public final class GradientTable {
    /** The table id. */
    public static final String ID = "gradient-decay";

    private GradientTable() {
    }

    /** The table of the summaries that recorded gradient norms. */
    public static Table of(List<ConfigSummary> summaries) {
        List<List<Object>> rows = new ArrayList<>();
        for (ConfigSummary s : summaries) {
            if (!s.hasGradients()) {
                continue;
            }
            double[] i = s.gradInitial();
            double[] t = s.gradTrained();
            rows.add(Arrays.asList(s.task(), s.label(), s.backend(), Math.max(i.length, t.length), first(i),
                last(i), decades(i), first(t), last(t), decades(t)));
        }
        List<Column> columns = List.of(
            new Column("task", "task", Format.TEXT),
            new Column("config", "cell", Format.TEXT),
            new Column("backend", "backend", Format.TEXT),
            new Column("steps", "T", Format.COUNT),
            new Column("initial_first", "initial, t=1", Format.SIG3),
            new Column("initial_last", "initial, t=T", Format.SIG3),
            new Column("initial_decades", "initial decay (decades)", Format.SIG3),
            new Column("trained_first", "trained, t=1", Format.SIG3),
            new Column("trained_last", "trained, t=T", Format.SIG3),
            new Column("trained_decades", "trained decay (decades)", Format.SIG3));
        return new Table(ID, "Gradient decay", "Norm of dL/dh_t of the top layer, geometric mean over seeds."
            + " Decay = log10(norm at t=T / norm at t=1): orders of magnitude lost going back through the"
            + " sequence (positive = vanishing, negative = exploding).", columns, rows, true);
    }

    static double first(double[] curve) {
        return curve.length == 0 ? Double.NaN : curve[0];
    }

    static double last(double[] curve) {
        return curve.length == 0 ? Double.NaN : curve[curve.length - 1];
    }

    /** log10(last / first), NaN when either is not a positive number. */
    static double decades(double[] curve) {
        double a = first(curve);
        double b = last(curve);
        return a > 0 && b > 0 && Double.isFinite(a) && Double.isFinite(b) ? Math.log10(b / a) : Double.NaN;
    }
}
