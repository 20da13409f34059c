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
        if (tbptt < 1) {
            throw new IllegalArgumentException("truncated BPTT needs a segment length of at least 1, got " + tbptt);
        }
        Sequences target = batch.target();
        int time = batch.input().time();
        List<Segment> segments = new ArrayList<>();
        for (int start = 0; start < time; start += tbptt) {
            int end = Math.min(time, start + tbptt);
            int valid = 0;
            for (int b = 0; b < target.batch(); b++) {
                for (int t = start; t < Math.min(end, target.time()); t++) {
                    if (target.valid(b, t)) {
                        valid++;
                    }
                }
            }
            if (valid == 0) {
                break;
            }
            segments.add(new Segment(start, end, valid));
        }
        return segments;
    }

    /** The loss of a truncated train step, accumulated segment by segment. */
    public static final class Loss {
        private double weighted;
        private long positions;

        /** Adds the mean loss of a segment over its valid positions. */
        public void add(Segment segment, double segmentLoss) {
            weighted += segmentLoss * segment.validPositions();
            positions += segment.validPositions();
        }

        /** The mean over every valid position of the step; 0 when no segment ran. */
        public double mean() {
            return positions == 0 ? 0 : weighted / positions;
        }
    }
}
