package org.rnnbench.reports.stats;

import java.util.List;

import org.rnnbench.core.run.RunRecord;

/**
 * The figures derived from one run's raw series, defined once for every place that shows them: the console
 * summary of {@code run}, {@code runs.csv}, the report and {@code compare}. Step-time statistics and speeds are
 * {@link StepFigures} (warm-up left out, speeds from the median step); time to target (steps and seconds until the
 * loss first reaches the target) is {@link TimeToTarget}.
 *
 * @param stepsRun     train steps that ran (fewer than planned for a diverged run)
 * @param warmupSteps  of those, the first ones left out of step-time statistics
 * @param trainSeconds the sum of all step times, warm-up included
 * @param speed        step-time percentiles after warm-up, sequences per second and GFLOP/s
 * @param finalLoss    mean training loss of the last {@value #FINAL_WINDOW} steps that ran, NaN without steps
 */
public record RunFigures(int stepsRun, int warmupSteps, double trainSeconds, StepFigures speed, double finalLoss) {
    /** Steps averaged for the final loss. */
    public static final int FINAL_WINDOW = 10;

    /** The figures of a run with the default warm-up. */
    public static RunFigures of(RunRecord r) {
        return of(r, StepTimes.DEFAULT_WARMUP);
    }

    /** The figures of a run, leaving out {@code warmupFraction} of its steps from step-time statistics. */
    public static RunFigures of(RunRecord r, double warmupFraction) {
        long[] nanos = r.stepNanos();
        double[] losses = r.losses();
        double total = 0;
        for (long n : nanos) {
            total += n;
        }
        double fin = Double.NaN;
        if (losses.length > 0) {
            int from = Math.max(0, losses.length - FINAL_WINDOW);
            double sum = 0;
            for (int i = from; i < losses.length; i++) {
                sum += losses[i];
            }
            fin = sum / (losses.length - from);
        }
        return new RunFigures(losses.length, StepTimes.warmupSteps(nanos.length, warmupFraction), total / 1e9,
            StepFigures.of(List.of(r), warmupFraction), fin);
    }
}
