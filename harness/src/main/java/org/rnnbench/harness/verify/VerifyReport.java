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
 * A NaN or infinity in a backend's outputs or gradients never passes, known mismatch or not: the table lists per
 * tensor how many values are not finite. A case where no pair of backends was left to compare checked nothing,
 * and the report says so instead of passing.
 */
public final class VerifyReport {
    /** How a verification ended. */
    public enum Outcome {
        /** Every pair compared is within the tolerance (or a known mismatch), and every case had a pair. */
        PASSED,
        /** A pair above the tolerance, a non-finite value or a backend that failed. */
        FAILED,
        /** Nothing failed, but some case had no pair of backends left to compare. */
        NOTHING_COMPARED
    }

    private final double tolerance;
    private int failures;
    private final Map<String, String> known = new LinkedHashMap<>();
    private final List<String> uncompared = new ArrayList<>();

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
        Map<String, Map<String, Integer>> nonFinite = new LinkedHashMap<>();
        for (String id : ids) {
            ProbeRunner.Result r = results.get(id);
            if (r.tensors() != null) {
                Map<String, Integer> counts = NonFinite.count(r.tensors());
                if (!counts.isEmpty()) {
                    nonFinite.put(id, counts);
                    failures++;
                    out.printf(Locale.ROOT, "  %-32s FAILED: not finite: %s%n", id, NonFinite.describe(counts,
                        r.tensors()));
                }
            }
            if (r.error() != null) {
                failures++;
                out.printf(Locale.ROOT, "  %-32s FAILED: %s%n", id, r.error());
            } else if (r.unsupported() != null) {
                out.printf(Locale.ROOT, "  %-32s skipped, does not run %s: %s%n", id, cell.cell().id(),
                    r.unsupported());
            }
        }
        int pairs = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String ref = ids.get(i);
                String other = ids.get(j);
                ProbeRunner.Result a = results.get(ref);
                ProbeRunner.Result b = results.get(other);
                if (a.tensors() == null || b.tensors() == null) {
                    continue;
                }
                pairs++;
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
                if (nonFinite.containsKey(ref) || nonFinite.containsKey(other)) {
                    verdict = "FAIL (not finite)";
                } else if (!(p.maxRelative() > tolerance)) {
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
        if (pairs == 0) {
            uncompared.add(name);
            out.printf(Locale.ROOT, "  no pair of backends left to compare on %s%n", name);
        }
        out.println();
    }

    /** The cases where no pair of backends could be compared, in order. */
    public List<String> uncompared() {
        return List.copyOf(uncompared);
    }

    /** Prints the verdict and the known mismatches. */
    public Outcome finish(PrintWriter out) {
        for (Map.Entry<String, String> e : known.entrySet()) {
            out.println("known mismatch, not counted: " + e.getKey() + ": " + e.getValue());
        }
        if (failures > 0) {
            out.printf(Locale.ROOT, "verify: FAILED (%d failure(s): pairs above %.0e relative, backends with"
                + " non-finite values or backends that failed)%n", failures, tolerance);
            return Outcome.FAILED;
        }
        if (!uncompared.isEmpty()) {
            out.println("verify: nothing compared on " + String.join(", ", uncompared));
            return Outcome.NOTHING_COMPARED;
        }
        out.printf(Locale.ROOT, "verify: passed (every pair within %.0e relative)%n", tolerance);
        return Outcome.PASSED;
    }
}
