package org.rnnbench.scratch.parallel;

/**
 * Deterministic partition of {@code [0, total)} into {@code parts} contiguous slices whose boundaries are multiples
 * of {@code align}: slice p is {@code [start(p), start(p+1))}; trailing slices may be empty.
 */
public final class Slices {
    private Slices() {
    }

    /** The first index of slice {@code part}. */
    public static int start(int total, int parts, int part, int align) {
        int units = (total + align - 1) / align;
        int perPart = (units + parts - 1) / parts;
        return Math.min(total, part * perPart * align);
    }

    /** One past the last index of slice {@code part}. */
    public static int end(int total, int parts, int part, int align) {
        return start(total, parts, part + 1, align);
    }
}
