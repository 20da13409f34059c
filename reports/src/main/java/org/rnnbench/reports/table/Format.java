package org.rnnbench.reports.table;

import java.util.Locale;

/**
 * How a column's values read in Markdown and HTML (CSV keeps full precision). Values are {@link String},
 * {@link Long}/{@link Integer} or {@link Double}; null and NaN read as an en dash.
 */
public enum Format {
    /** As given. */
    TEXT,
    /** An integer with thousands separators: {@code 1,344}. */
    COUNT,
    /** Three significant digits, plain notation between 1e-3 and 1e6, scientific outside. */
    SIG3,
    /** A signed value with three significant digits: {@code +0.0123}. */
    SIGNED3,
    /** A plus-minus half width with two significant digits: {@code +-0.013}. */
    PLUS_MINUS,
    /** Two decimals. */
    FIXED2;

    /** The placeholder of a missing value. */
    public static final String MISSING = "\u2013";

    /** The value as text. */
    public String text(Object value) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return MISSING;
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            return switch (this) {
                case TEXT -> Double.toString(d);
                case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(d));
                case SIG3 -> significant(d, 3);
                case SIGNED3 -> (d >= 0 ? "+" : "") + significant(d, 3);
                case PLUS_MINUS -> "\u00b1" + significant(d, 2);
                case FIXED2 -> String.format(Locale.ROOT, "%.2f", d);
            };
        }
        if ((value instanceof Long || value instanceof Integer) && this == COUNT) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return value.toString();
    }

    /** {@code v} with {@code digits} significant digits. */
    static String significant(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e6) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        }
        int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
