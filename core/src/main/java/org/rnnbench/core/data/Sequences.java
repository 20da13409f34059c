package org.rnnbench.core.data;

import java.util.Arrays;

/**
 * A batch of sequences, batch-major, either real values (B, T, W) or integer ids (B, T) in [0, W), with the valid
 * length of each sequence. Positions {@code t >= lengths[b]} are padding: they hold valid values (zeros or id 0)
 * but take no part in a loss or metric. Element (b, t, j) of values is at {@code (b*time + t)*width + j}; id (b, t)
 * at {@code b*time + t}.
 *
 * @param batch   B
 * @param time    T, the padded length
 * @param width   W: features per step for values; vocabulary or class count for ids
 * @param values  (B, T, W) real values, or null for ids
 * @param ids     (B, T) ids, or null for values
 * @param lengths (B) valid lengths in [0, T]
 */
public record Sequences(int batch, int time, int width, float[] values, int[] ids, int[] lengths) {

    /** Validates sizes, lengths and id ranges. */
    public Sequences {
        if (batch < 1 || time < 1 || width < 1) {
            throw new IllegalArgumentException("sequences need batch, time and width of at least 1, got ("
                + batch + ", " + time + ", " + width + ")");
        }
        if ((values == null) == (ids == null)) {
            throw new IllegalArgumentException("sequences hold either values or ids, exactly one of them");
        }
        long expected = values != null ? (long) batch * time * width : (long) batch * time;
        int actual = values != null ? values.length : ids.length;
        if (actual != expected) {
            throw new IllegalArgumentException("sequences of shape (" + batch + ", " + time + ", " + width
                + ") need " + expected + " " + (values != null ? "values" : "ids") + ", got " + actual);
        }
        if (lengths == null || lengths.length != batch) {
            throw new IllegalArgumentException("sequences need " + batch + " lengths, got "
                + (lengths == null ? "none" : lengths.length));
        }
        for (int b = 0; b < batch; b++) {
            if (lengths[b] < 0 || lengths[b] > time) {
                throw new IllegalArgumentException("sequence " + b + " has length " + lengths[b]
                    + "; lengths must be in [0, " + time + "]");
            }
        }
        if (ids != null) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] < 0 || ids[i] >= width) {
                    throw new IllegalArgumentException("id " + ids[i] + " at sequence " + (i / time) + ", step "
                        + (i % time) + " is outside [0, " + width + ")");
                }
            }
        }
    }

    /** Real values, every sequence of full length. */
    public static Sequences dense(int batch, int time, int width, float[] values) {
        return new Sequences(batch, time, width, values, null, full(batch, time));
    }

    /** Real values with per-sequence lengths. */
    public static Sequences dense(int batch, int time, int width, float[] values, int[] lengths) {
        return new Sequences(batch, time, width, values, null, lengths);
    }

    /** Ids in [0, vocab), every sequence of full length. */
    public static Sequences ids(int batch, int time, int vocab, int[] ids) {
        return new Sequences(batch, time, vocab, null, ids, full(batch, time));
    }

    /** Ids in [0, vocab) with per-sequence lengths. */
    public static Sequences ids(int batch, int time, int vocab, int[] ids, int[] lengths) {
        return new Sequences(batch, time, vocab, null, ids, lengths);
    }

    private static int[] full(int batch, int time) {
        int[] lengths = new int[batch];
        Arrays.fill(lengths, time);
        return lengths;
    }

    /** True for ids, false for real values. */
    public boolean isIds() {
        return ids != null;
    }

    /** True when position (b, t) is inside sequence b. */
    public boolean valid(int b, int t) {
        return t < lengths[b];
    }

    /** The number of valid positions. */
    public int validCount() {
        int n = 0;
        for (int len : lengths) {
            n += len;
        }
        return n;
    }

    /** The (B, T) mask: 1 at valid positions, 0 at padding. */
    public float[] mask() {
        float[] mask = new float[batch * time];
        for (int b = 0; b < batch; b++) {
            Arrays.fill(mask, b * time, b * time + lengths[b], 1f);
        }
        return mask;
    }

    /** True when every sequence has the full length T. */
    public boolean fullLength() {
        for (int len : lengths) {
            if (len != time) {
                return false;
            }
        }
        return true;
    }

    /** The same sequences with new lengths (arrays shared). */
    public Sequences withLengths(int[] newLengths) {
        return new Sequences(batch, time, width, values, ids, newLengths);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequences s && batch == s.batch && time == s.time && width == s.width
            && Arrays.equals(values, s.values) && Arrays.equals(ids, s.ids) && Arrays.equals(lengths, s.lengths);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {batch, time, width, Arrays.hashCode(values), Arrays.hashCode(ids),
            Arrays.hashCode(lengths)});
    }

    @Override
    public String toString() {
        return "Sequences(" + batch + ", " + time + ", " + width + (isIds() ? ", ids" : ", values") + ")";
    }
}
