package org.rnnbench.core.spec;

/** Argument checks that fail with the offending value and what would be right. */
public final class Check {
    private Check() {
    }

    /** Requires {@code value >= 1}. */
    public static int positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
        return value;
    }

    /** Requires {@code value >= 0}. */
    public static int nonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be 0 or more, got " + value);
        }
        return value;
    }

    /** Requires {@code lo <= value <= hi}. */
    public static int inRange(String what, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number above 0, got " + value);
        }
        return value;
    }

    /** Requires a finite {@code value >= 0}. */
    public static double nonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number of 0 or more, got " + value);
        }
        return value;
    }

    /** Requires a non-null value. */
    public static <T> T present(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
