package org.rnnbench.harness.calibration;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The statistic of the calibration: a repetition returns the times of its parts; warm-up repetitions run in blocks
 * of {@value #BLOCK} until the median of every part in a block is within {@value #SETTLED} (relative) of the
 * previous block's, after at least {@value #MIN_BLOCKS} blocks, or until the warm-up has taken
 * {@value #WARMUP_LIMIT_MS} ms; then each part's figure is its median over {@value #TIMED} timed repetitions. The
 * medians make a figure blind to a few repetitions slowed by a JIT compilation finishing or another process taking
 * the core for a moment, and the settling warm-up keeps the figure from depending on how far the JIT has got.
 */
final class Repetitions {
    /** Repetitions per warm-up block. */
    static final int BLOCK = 5;
    /** Fewest warm-up blocks. */
    static final int MIN_BLOCKS = 3;
    /** Relative change of the block medians at which the warm-up is settled. */
    static final double SETTLED = 0.03;
    /** The longest warm-up, summed over the repetitions' reported times. */
    static final double WARMUP_LIMIT_MS = 3000;
    /** Timed repetitions. */
    static final int TIMED = 21;

    private Repetitions() {
    }

    /**
     * Warms up, then returns each part's median time over {@link #TIMED} repetitions.
     *
     * @param repetition runs the workload once and returns the milliseconds of each of its parts
     */
    static double[] medians(Supplier<double[]> repetition) {
        double[] previous = null;
        double spent = 0;
        for (int block = 1; ; block++) {
            double[][] times = run(repetition, BLOCK);
            double[] current = columnMedians(times);
            for (double[] t : times) {
                spent += Arrays.stream(t).sum();
            }
            if (block >= MIN_BLOCKS && previous != null && settled(previous, current) || spent > WARMUP_LIMIT_MS) {
                break;
            }
            previous = current;
        }
        return columnMedians(run(repetition, TIMED));
    }

    private static double[][] run(Supplier<double[]> repetition, int count) {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            out[i] = repetition.get();
        }
        return out;
    }

    private static boolean settled(double[] previous, double[] current) {
        for (int p = 0; p < current.length; p++) {
            if (Math.abs(current[p] / previous[p] - 1) > SETTLED) {
                return false;
            }
        }
        return true;
    }

    /** Per part (column), the median over the repetitions (rows); the middle one of an odd count. */
    static double[] columnMedians(double[][] times) {
        double[] out = new double[times[0].length];
        for (int p = 0; p < out.length; p++) {
            int part = p;
            double[] column = Arrays.stream(times).mapToDouble(t -> t[part]).sorted().toArray();
            int n = column.length;
            out[p] = n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
        }
        return out;
    }
}
