package org.rnnbench.harness.verify;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.spec.CellSpec;

/**
 * Compares every pair of backends on one case and prints the table: per pair and tensor group the largest
 * relative error (absolute in parentheses), and a verdict: {@code ok}, {@code FAIL} above the tolerance,
 * {@code known} for a documented mismatch ({@link KnownMismatches}, shown but not counted), the error of a
 * backend that could not compute the probe (counted), or a backend that does not run the cell at all (skipped).
 */
public final class VerifyReport {
    private final double tolerance;
    private int failures;
    private final Map<String, String> known = new LinkedHashMap<>();

    /** A report at a relative tolerance. */
    public VerifyReport(double tolerance) {
        this.tolerance = tolerance;
    }

    /** Compares and prints one case; the first backend of each pair is the reference. */
    public void add(PrintWriter out, String name, VerifyCase c, Map<String, ProbeRunner.Result> results) {
        CellSpec cell = c.cell();
        int[] shape = c.input().shape();
        out.printf(Locale.ROOT, "%s: I=%d H=%d L=%d, batch %d, time %d; %s; tolerance %.0e relative%n", name,
            cell.inputSize(), cell.hiddenSize(), cell.layers(), shape[0], shape[1], c.description(), tolerance);
        List<String> columns = new ArrayList<>();
        for (String g : PairComparison.GROUPS) {
            if (!g.equals("c_n") || cell.cell().hasCellState()) {
                columns.add(g);
            }
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-32s", "rel (abs)"));
        columns.forEach(g -> header.append(String.format(Locale.ROOT, " %-19s", g)));
        out.println(header.append(" result"));
        List<String> ids = new ArrayList<>(results.keySet());
        for (String id : ids) {
            ProbeRunner.Result r = results.get(id);
            if (r.error() != null) {
                failures++;
                out.printf(Locale.ROOT, "  %-32s FAILED: %s%n", id, r.error());
            } else if (r.unsupported() != null) {
                out.printf(Locale.ROOT, "  %-32s skipped, does not run %s: %s%n", id, cell.cell().id(),
                    r.unsupported());
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String ref = ids.get(i);
                String other = ids.get(j);
                ProbeRunner.Result a = results.get(ref);
                ProbeRunner.Result b = results.get(other);
                if (a.tensors() == null || b.tensors() == null) {
                    continue;
                }
                PairComparison p = PairComparison.of(ref, a.tensors(), other, b.tensors());
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-32s", ref + " vs " + other));
                for (String g : columns) {
                    PairComparison.Errors e = p.groups().get(g);
                    row.append(String.format(Locale.ROOT, " %-19s", e == null ? "-"
                        : String.format(Locale.ROOT, "%.1e (%.1e)", e.relative(), e.absolute())));
                }
                Optional<String> reason = KnownMismatches.reason(ref, cell.cell())
                    .or(() -> KnownMismatches.reason(other, cell.cell()));
                String verdict;
                if (!(p.maxRelative() > tolerance)) {
                    verdict = "ok";
                } else if (reason.isPresent()) {
                    verdict = "known";
                    String variant = KnownMismatches.reason(ref, cell.cell()).isPresent() ? ref : other;
                    known.put(variant + " on " + cell.cell().id(), reason.get());
                } else {
                    verdict = "FAIL";
                    failures++;
                }
                out.println(row.append(' ').append(verdict));
            }
        }
        out.println();
    }

    /** Prints the verdict and the known mismatches; returns true when nothing failed. */
    public boolean finish(PrintWriter out) {
        for (Map.Entry<String, String> e : known.entrySet()) {
            out.println("known mismatch, not counted: " + e.getKey() + ": " + e.getValue());
        }
        if (failures == 0) {
            out.printf(Locale.ROOT, "verify: passed (every pair within %.0e relative)%n", tolerance);
        } else {
            out.printf(Locale.ROOT, "verify: FAILED (%d pair(s) above %.0e relative or backend(s) that failed)%n",
                failures, tolerance);
        }
        return failures == 0;
    }
}
