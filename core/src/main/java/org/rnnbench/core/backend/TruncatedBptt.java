package org.rnnbench.core.backend;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;

/**
 * The segment rule of truncated BPTT, one for every backend. A train step with {@code tbptt = L > 0} cuts the
 * batch's T steps into segments {@code [0, L), [L, 2L), ...} (the last one shorter); each segment starts from the
 * previous one's final states as values (no gradient crosses a cut), and gets its own backward pass, clipping and
 * update. A segment without a valid target position is not run, nor is any after it: sequence lengths are
 * prefixes, so once no sequence reaches a segment none reaches a later one, and running it would only compute
 * states that no loss reads. The step's loss is the mean of the segments' losses weighted by their valid target
 * positions ({@link Loss}), which is the full-batch loss when there is one segment.
 */
public final class TruncatedBptt {
    private TruncatedBptt() {
    }

    /**
     * One segment: steps {@code [start, end)}.
     *
     * @param validPositions the (sequence, step) pairs in the segment with a valid target, at least 1
     */
    public record Segment(int start, int end, int validPositions) {
        /** The number of steps. */
        public int length() {
            return end - start;
        }
    }

    /**
     * The segments a train step runs, in order: every segment of {@code tbptt} steps up to the last one with a
     * valid target position.
     *
     * @throws IllegalArgumentException when {@code tbptt} is not positive
     */
    public static List<Segment> segments(Batch batch, int tbptt) {
        List<Segment> segments = new ArrayList<>();
        for (int start = 0, end; (end = next(batch, tbptt, start)) > 0; start = end) {
            segments.add(new Segment(start, end, validPositions(batch, start, end)));
        }
        return segments;
    }

    /**
     * The end of the segment that starts at {@code start}, or -1 when the step stops there (past the last step, or
     * a segment without a valid target position): the rule of {@link #segments} without allocating, for a train
     * step's hot loop ({@code for (int s = 0, e; (e = next(batch, tbptt, s)) > 0; s = e)}).
     *
     * @throws IllegalArgumentException when {@code tbptt} is not positive
     */
    public static int next(Batch batch, int tbptt, int start) {
        if (tbptt < 1) {
            throw new IllegalArgumentException("truncated BPTT needs a segment length of at least 1, got " + tbptt);
        }
        int time = batch.input().time();
        if (start >= time) {
            return -1;
        }
        int end = Math.min(time, start + tbptt);
        return validPositions(batch, start, end) == 0 ? -1 : end;
    }

    /** The (sequence, step) pairs of steps {@code [start, end)} with a valid target. */
    public static int validPositions(Batch batch, int start, int end) {
        Sequences target = batch.target();
        int valid = 0;
        for (int b = 0; b < target.batch(); b++) {
            for (int t = start; t < Math.min(end, target.time()); t++) {
                if (target.valid(b, t)) {
                    valid++;
                }
            }
        }
        return valid;
    }

    /** The loss of a truncated train step, accumulated segment by segment. */
    public static final class Loss {
        private double weighted;
        private long positions;

        /** Adds the mean loss of a segment over its valid positions. */
        public void add(Segment segment, double segmentLoss) {
            add(segment.validPositions(), segmentLoss);
        }

        /** Adds the mean loss of a segment with {@code validPositions} valid positions. */
        public void add(int validPositions, double segmentLoss) {
            weighted += segmentLoss * validPositions;
            positions += validPositions;
        }

        /** Forgets every segment, so that one instance serves every train step. */
        public void reset() {
            weighted = 0;
            positions = 0;
        }

        /** The mean over every valid position of the step; 0 when no segment ran. */
        public double mean() {
            return positions == 0 ? 0 : weighted / positions;
        }
    }
}
