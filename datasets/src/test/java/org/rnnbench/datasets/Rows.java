package org.rnnbench.datasets;

import java.util.Arrays;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.datasets.base.Seeds;

/** Test helpers that look at one sequence of a batch at a time. */
final class Rows {
    private Rows() {
    }

    /** Sequence {@code b} of {@code s} alone, a batch of one with the same padded length. */
    static Sequences row(Sequences s, int b) {
        int[] lengths = {s.lengths()[b]};
        if (s.isIds()) {
            return Sequences.ids(1, s.time(), s.width(), Arrays.copyOfRange(s.ids(), b * s.time(),
                (b + 1) * s.time()), lengths);
        }
        int size = s.time() * s.width();
        return Sequences.dense(1, s.time(), s.width(), Arrays.copyOfRange(s.values(), b * size, (b + 1) * size),
            lengths);
    }

    /** Outputs (B, T_out, O) of sequence {@code b} alone. */
    static float[] row(float[] outputs, Sequences target, int b) {
        int size = target.time() * target.width();
        return Arrays.copyOfRange(outputs, b * size, (b + 1) * size);
    }

    /** A hash of the valid part of sequence {@code b}: its length and the values or ids of its valid steps. */
    static long key(Sequences s, int b) {
        int length = s.lengths()[b];
        long h = Seeds.mix(length, s.width());
        if (s.isIds()) {
            for (int t = 0; t < length; t++) {
                h = Seeds.mix(h, s.ids()[b * s.time() + t]);
            }
        } else {
            int from = b * s.time() * s.width();
            for (int i = from; i < from + length * s.width(); i++) {
                h = Seeds.mix(h, Float.floatToIntBits(s.values()[i]));
            }
        }
        return h;
    }

    /** A hash of example {@code b} of a batch: input, decoder input and target. */
    static long exampleKey(Batch batch, int b) {
        long h = Seeds.mix(key(batch.input(), b), key(batch.target(), b));
        return batch.decoderInput() == null ? h : Seeds.mix(h, key(batch.decoderInput(), b));
    }

    /** A hash of the input of sequence {@code b} alone. */
    static long inputKey(Batch batch, int b) {
        return key(batch.input(), b);
    }
}
