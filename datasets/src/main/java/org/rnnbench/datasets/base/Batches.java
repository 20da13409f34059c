package org.rnnbench.datasets.base;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;

/**
 * Packs examples into a {@link Batch}: each part is padded to the longest of its sequences in the batch (zeros or
 * id 0 at padding), and the lengths say which positions are valid.
 */
public final class Batches {
    private Batches() {
    }

    /** One batch of the examples, in order. */
    public static Batch pack(List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one example");
        }
        Sequences input = stack(examples, Example::input, 0);
        Sequences target = stack(examples, Example::target, 0);
        Sequences decoder = examples.get(0).decoderInput() == null ? null
            : stack(examples, Example::decoderInput, target.time());
        return new Batch(input, decoder, target);
    }

    /** The examples cut into batches of at most {@code batchSize}, in order. */
    public static List<Batch> chunk(List<Example> examples, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < examples.size(); from += batchSize) {
            batches.add(pack(examples.subList(from, Math.min(examples.size(), from + batchSize))));
        }
        return batches;
    }

    /**
     * One part of every example as padded sequences.
     *
     * @param minTime the padded length is at least this (to align a decoder input with its target)
     */
    private static Sequences stack(List<Example> examples, Function<Example, Track> part, int minTime) {
        int batch = examples.size();
        Track first = part.apply(examples.get(0));
        int width = first.width();
        int time = minTime;
        for (Example e : examples) {
            Track t = part.apply(e);
            if (t == null || t.isIds() != first.isIds() || t.width() != width) {
                throw new IllegalArgumentException("the examples of a batch disagree on a part's kind or width: "
                    + first + " and " + t);
            }
            time = Math.max(time, t.length());
        }
        int[] lengths = new int[batch];
        if (first.isIds()) {
            int[] ids = new int[batch * time];
            // each track is (length) ids, the batch is (B, T)
            for (int b = 0; b < batch; b++) {
                Track t = part.apply(examples.get(b));
                System.arraycopy(t.ids(), 0, ids, b * time, t.length());
                lengths[b] = t.length();
            }
            return Sequences.ids(batch, time, width, ids, lengths);
        }
        float[] values = new float[batch * time * width];
        // each track is (length, W) values, the batch is (B, T, W)
        for (int b = 0; b < batch; b++) {
            Track t = part.apply(examples.get(b));
            System.arraycopy(t.values(), 0, values, b * time * width, t.length() * width);
            lengths[b] = t.length();
        }
        return Sequences.dense(batch, time, width, values, lengths);
    }
}
