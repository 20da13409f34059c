package org.rnnbench.djl.nn;

import org.rnnbench.core.data.Sequences;

/** Host-side cuts of a window of steps [from, to) out of batch-major sequences. */
final class Windows {
    private Windows() {
    }

    /** Steps [from, to) of (B, T, W) values, as (B, to-from, W) row-major (the array itself for the whole range). */
    static float[] values(Sequences s, int from, int to) {
        if (from == 0 && to == s.time()) {
            return s.values();
        }
        int steps = to - from;
        int width = s.width();
        float[] out = new float[s.batch() * steps * width];
        for (int b = 0; b < s.batch(); b++) {
            System.arraycopy(s.values(), (b * s.time() + from) * width, out, b * steps * width, steps * width);
        }
        return out;
    }

    /** Steps [from, to) of (B, T) ids, as (B, to-from) int64 values. */
    static long[] ids(Sequences s, int from, int to) {
        int steps = to - from;
        long[] out = new long[s.batch() * steps];
        for (int b = 0; b < s.batch(); b++) {
            for (int t = from; t < to; t++) {
                out[b * steps + t - from] = s.ids()[b * s.time() + t];
            }
        }
        return out;
    }
}
