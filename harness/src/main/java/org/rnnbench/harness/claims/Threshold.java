package org.rnnbench.harness.claims;

import java.util.Locale;

/**
 * The side of a threshold that a claim asserts for a statistic. The verdict compares the statistic's whole 95%
 * interval with it: holds when the interval lies on the claimed side, does not hold when it lies on the other,
 * inconclusive when it straddles (or is undefined).
 *
 * @param kind  which side
 * @param lo    the threshold, or the lower end of a band
 * @param hi    the upper end of a band (equal to {@code lo} otherwise)
 */
public record Threshold(Kind kind, double lo, double hi) {
    /** The side. */
    public enum Kind {
        /** The statistic is above the threshold. */
        ABOVE,
        /** The statistic is below the threshold. */
        BELOW,
        /** The statistic lies within the band [lo, hi]. */
        WITHIN
    }

    /** The statistic is above {@code t}. */
    public static Threshold above(double t) {
        return new Threshold(Kind.ABOVE, t, t);
    }

    /** The statistic is below {@code t}. */
    public static Threshold below(double t) {
        return new Threshold(Kind.BELOW, t, t);
    }

    /** The statistic lies within [lo, hi]. */
    public static Threshold within(double lo, double hi) {
        return new Threshold(Kind.WITHIN, lo, hi);
    }

    /** The verdict for an estimate: never {@link Verdict#NOT_RUN} (that is decided before there is a value). */
    public Verdict judge(Estimate e) {
        if (!e.defined()) {
            return Verdict.INCONCLUSIVE;
        }
        return switch (kind) {
            case ABOVE -> e.low() > lo ? Verdict.HOLDS : e.high() <= lo ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
            case BELOW -> e.high() < lo ? Verdict.HOLDS : e.low() >= lo ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
            case WITHIN -> e.low() >= lo && e.high() <= hi ? Verdict.HOLDS
                : e.high() < lo || e.low() > hi ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
        };
    }

    /** The threshold as written in the outputs, e.g. {@code < 0.1} or {@code in [0.9, 1.1]}. */
    public String text() {
        return switch (kind) {
            case ABOVE -> "> " + number(lo);
            case BELOW -> "< " + number(lo);
            case WITHIN -> "in [" + number(lo) + ", " + number(hi) + "]";
        };
    }

    /** A number with four significant digits and no trailing zeros, as every output writes statistics. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String text = String.format(Locale.ROOT, "%.4g", v);
        if (text.contains("e") || !text.contains(".")) {
            return text;
        }
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
