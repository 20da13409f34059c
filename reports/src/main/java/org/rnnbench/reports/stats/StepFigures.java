package org.rnnbench.reports.stats;

import java.util.List;

import org.rnnbench.core.run.RunRecord;

/**
 * Step time and speed of one run or of the runs of one configuration (seeds, repetitions) pooled: the
 * percentiles of every step time after warm-up ({@link StepTimes}), sequences per second (batch size over the
 * median step) and GFLOP/s (train FLOPs of a step over the median step). The console, {@code runs.csv}, the report
 * and {@code compare} all take these figures from here.
 *
 * @param stepMillis         percentiles of the step times after warm-up, in ms
 * @param sequencesPerSecond batch size over the median step time, NaN without steps
 * @param gflops             train FLOPs of a step over the median step time in GFLOP/s, NaN without steps or FLOPs
 */
public record StepFigures(Spread stepMillis, double sequencesPerSecond, double gflops) {

    /**
     * The figures of runs of one configuration (they share batch size and FLOPs; the first run's are used).
     *
     * @param runs           at least one run
     * @param warmupFraction the fraction of each run's first steps left out
     */
    public static StepFigures of(List<RunRecord> runs, double warmupFraction) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("step figures need at least one run");
        }
        Spread spread = Spread.of(StepTimes.pooledMillis(runs, warmupFraction));
        RunRecord first = runs.get(0);
        double seconds = spread.median() / 1e3;
        return new StepFigures(spread, seconds > 0 ? first.params().batchSize() / seconds : Double.NaN,
            seconds > 0 && first.trainFlopsPerStep() > 0 ? first.trainFlopsPerStep() / seconds / 1e9 : Double.NaN);
    }

    /** The median step time in ms, NaN without steps. */
    public double medianMs() {
        return stepMillis.median();
    }
}
