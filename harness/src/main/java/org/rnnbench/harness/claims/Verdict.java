package org.rnnbench.harness.claims;

import java.util.List;

/** What the records say about a claim, or about one part of it. There is no other answer. */
public enum Verdict {
    /** Every interval lies on the claimed side of its threshold. */
    HOLDS("holds"),
    /** An interval lies entirely on the other side. */
    DOES_NOT_HOLD("does not hold"),
    /** An interval straddles its threshold (or too few seeds gave a value). */
    INCONCLUSIVE("inconclusive"),
    /** A unit behind the statistic has no usable record. */
    NOT_RUN("not run");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** The verdict as written in the outputs, e.g. {@code does not hold}. */
    public String text() {
        return text;
    }

    /**
     * The verdict of a claim made of parts that must all hold: does not hold when any part does not (whatever the
     * others say), else not run when any part did not run, else inconclusive when any part is, else holds. No
     * parts: not run.
     */
    public static Verdict all(List<Verdict> parts) {
        if (parts.contains(DOES_NOT_HOLD)) {
            return DOES_NOT_HOLD;
        }
        if (parts.isEmpty() || parts.contains(NOT_RUN)) {
            return NOT_RUN;
        }
        return parts.contains(INCONCLUSIVE) ? INCONCLUSIVE : HOLDS;
    }

    @Override
    public String toString() {
        return text;
    }
}
