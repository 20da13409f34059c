package org.rnnbench.harness.store;

import java.util.Arrays;

import org.rnnbench.core.run.RunRecord;

/**
 * Scalars derived from a run record's raw series, the same way for the CSV and the console summary. Speeds come
 * from the <b>median</b> step time, so that the first steps (JIT compilation, native warm-up) do not distort them;
 * the raw times stay in the record for anyone who wants another statistic.
 *
 * @param stepsRun        train steps that ran (fewer than planned for a diverged run)
 * @param trainSeconds    the sum of all step times
 * @param medianStepMs    the median step time in milliseconds, NaN without steps
 * @param sequencesPerSec batch size over the median step time
 * @param gflops          train FLOPs of a step over the median step time, in GFLOP/s
 * @param finalLoss       mean training loss of the last {@value #FINAL_WINDOW} steps that ran, NaN without steps
 */
public record RunScalars(int stepsRun, double trainSeconds, double medianStepMs, double sequencesPerSec,
                         double gflops, double finalLoss) {
    /** Steps averaged for the final loss. */
    public static final int FINAL_WINDOW = 10;

    /** The scalars of a record. */
    public static RunScalars of(RunRecord r) {
        long[] nanos = r.stepNanos() == null ? new long[0] : r.stepNanos();
        double[] losses = r.losses() == null ? new double[0] : r.losses();
        double total = 0;
        for (long n : nanos) {
            total += n;
        }
        double median = median(nanos);
        double medianSec = median / 1e9;
        double seqPerSec = nanos.length == 0 ? Double.NaN : r.params().batchSize() / medianSec;
        double gflops = nanos.length == 0 ? Double.NaN : r.trainFlopsPerStep() / medianSec / 1e9;
        double fin = Double.NaN;
        if (losses.length > 0) {
            int from = Math.max(0, losses.length - FINAL_WINDOW);
            double sum = 0;
            for (int i = from; i < losses.length; i++) {
                sum += losses[i];
            }
            fin = sum / (losses.length - from);
        }
        return new RunScalars(losses.length, total / 1e9, median / 1e6, seqPerSec, gflops, fin);
    }

    /** The median of raw nanosecond times, NaN when empty. */
    static double median(long[] nanos) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
