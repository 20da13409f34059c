package org.rnnbench.datasets.base;

import java.util.Arrays;

/**
 * One sequence of one example before batching: {@code length} steps of {@code width} real values, or
 * {@code length} ids in [0, width).
 *
 * @param length steps, at least 1
 * @param width  values per step, or the vocabulary (class count) of the ids
 * @param values (length, width) values row-major, or null for ids
 * @param ids    (length) ids, or null for values
 */
public record Track(int length, int width, float[] values, int[] ids) {

    /** Validates sizes. */
    public Track {
        if (length < 1 || width < 1) {
            throw new IllegalArgumentException("a track needs length and width of at least 1, got (" + length + ", "
                + width + ")");
        }
        if ((values == null) == (ids == null)) {
            throw new IllegalArgumentException("a track holds either values or ids, exactly one of them");
        }
        int expected = values != null ? length * width : length;
        int actual = values != null ? values.length : ids.length;
        if (actual != expected) {
            throw new IllegalArgumentException("a track of " + length + " steps and width " + width + " needs "
                + expected + (values != null ? " values" : " ids") + ", got " + actual);
        }
    }

    /** Real values, {@code values.length / width} steps. */
    public static Track values(int width, float... values) {
        return new Track(values.length / width, width, values, null);
    }

    /** Ids in [0, vocab). */
    public static Track ids(int vocab, int... ids) {
        return new Track(ids.length, vocab, null, ids);
    }

    /** True for ids. */
    public boolean isIds() {
        return ids != null;
    }

    /** A 64-bit hash of the length, width and content (equal tracks hash equal). */
    public long contentHash() {
        long h = Seeds.mix(length, width);
        if (ids != null) {
            for (int id : ids) {
                h = Seeds.mix(h, id);
            }
        } else {
            for (float v : values) {
                h = Seeds.mix(h, Float.floatToIntBits(v));
            }
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Track t && length == t.length && width == t.width && Arrays.equals(values, t.values)
            && Arrays.equals(ids, t.ids);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(contentHash());
    }

    @Override
    public String toString() {
        return "Track(" + length + ", " + width + (isIds() ? ", ids" : ", values") + ")";
    }
}
