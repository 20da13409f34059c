package org.rnnbench.harness.gradients;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.store.JsonLines;

/**
 * The outputs of a gradient study, from its run records: {@code gradients.csv} (one row per unit: the fitted
 * {@link DecayFit} at initialisation and after training), {@code gradient_norms.csv} (long form: one row per unit,
 * phase and step t, for plots) and a short table on standard output.
 */
public final class GradientTables {
    /** The per-unit file. */
    public static final String FITS = "gradients.csv";
    /** The long-form curves. */
    public static final String NORMS = "gradient_norms.csv";

    private GradientTables() {
    }

    /** Writes both CSV files into {@code dir}, atomically. */
    public static void write(Path dir, List<RunRecord> records) throws IOException {
        JsonLines.writeAtomically(dir.resolve(FITS), fits(records).getBytes(StandardCharsets.UTF_8));
        JsonLines.writeAtomically(dir.resolve(NORMS), norms(records).getBytes(StandardCharsets.UTF_8));
    }

    static String fits(List<RunRecord> records) throws IOException {
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader("id", "task", "backend",
            "cell", "init", "hidden", "layers", "seed", "steps", "length", "status", "message", "rate_init",
            "horizon_init", "rate_trained", "horizon_trained", "final_loss").get();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            for (RunRecord r : records) {
                RunParams q = r.params();
                DecayFit init = DecayFit.of(r.gradNormsInitial());
                DecayFit trained = DecayFit.of(r.gradNormsTrained());
                boolean hasTrained = q.steps() > 0 && r.gradNormsTrained().length > 0;
                double[] losses = r.losses();
                p.printRecord(r.id(), q.task(), q.backend(), q.cell(), q.init(), q.hidden(), q.layers(), q.seed(),
                    q.steps(), r.gradNormsInitial().length, r.status(), r.message(), num(init.rate()),
                    horizon(init, r.gradNormsInitial()), hasTrained ? num(trained.rate()) : "",
                    hasTrained ? horizon(trained, r.gradNormsTrained()) : "",
                    losses.length == 0 ? "" : num(losses[losses.length - 1]));
            }
        }
        return out.toString();
    }

    static String norms(List<RunRecord> records) throws IOException {
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader("id", "backend", "cell",
            "init", "length", "phase", "t", "norm").get();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            for (RunRecord r : records) {
                RunParams q = r.params();
                int length = r.gradNormsInitial().length;
                for (int t = 0; t < r.gradNormsInitial().length; t++) {
                    p.printRecord(r.id(), q.backend(), q.cell(), q.init(), length, "init", t,
                        num(r.gradNormsInitial()[t]));
                }
                if (q.steps() > 0) {
                    for (int t = 0; t < r.gradNormsTrained().length; t++) {
                        p.printRecord(r.id(), q.backend(), q.cell(), q.init(), length, "trained", t,
                            num(r.gradNormsTrained()[t]));
                    }
                }
            }
        }
        return out.toString();
    }

    /** Prints one line per unit: cell, backend, init, T, and rate and horizon at init and after training. */
    public static void print(PrintWriter out, List<RunRecord> records) {
        out.printf(Locale.ROOT, "%-9s %-15s %-10s %6s %-10s %12s %9s %12s %9s%n", "cell", "backend", "init", "T",
            "status", "rate@init", "horizon", "rate@train", "horizon");
        for (RunRecord r : records) {
            RunParams q = r.params();
            DecayFit init = DecayFit.of(r.gradNormsInitial());
            boolean hasTrained = q.steps() > 0 && r.gradNormsTrained().length > 0;
            DecayFit trained = DecayFit.of(r.gradNormsTrained());
            out.printf(Locale.ROOT, "%-9s %-15s %-10s %6d %-10s %12s %9s %12s %9s%n", q.cell(), q.backend(),
                q.init(), r.gradNormsInitial().length, r.status().name().toLowerCase(Locale.ROOT), rate(init),
                horizonText(init, r.gradNormsInitial()), hasTrained ? rate(trained) : "-",
                hasTrained ? horizonText(trained, r.gradNormsTrained()) : "-");
        }
        out.println("rate: slope of ln|dL/dh_t| against t per step (positive: the norm shrinks going back in time);"
            + " horizon: steps back from the last step until the norm falls below 1e-3 of the last step's");
    }

    private static String rate(DecayFit f) {
        return Double.isNaN(f.rate()) ? "-" : String.format(Locale.ROOT, "%.4g", f.rate());
    }

    private static String horizon(DecayFit f, double[] norms) {
        return norms.length == 0 ? "" : f.horizon() < 0 ? "none" : Integer.toString(f.horizon());
    }

    private static String horizonText(DecayFit f, double[] norms) {
        return norms.length == 0 ? "-" : f.horizon() < 0 ? "none<" + norms.length : Integer.toString(f.horizon());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
    }
}
