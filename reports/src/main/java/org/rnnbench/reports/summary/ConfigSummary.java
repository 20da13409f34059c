package org.rnnbench.reports.summary;

import java.util.List;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.reports.read.LoadedRun;
import org.rnnbench.reports.stats.MeanInterval;
import org.rnnbench.reports.stats.Spread;
import org.rnnbench.reports.stats.StepFigures;

/**
 * What the report says about one configuration: its runs over seeds (and repetitions), the primary metric's mean
 * and 95% interval over the runs that ended OK, its chance level, parameter counts, per-step time spread (all
 * runs' steps after warm-up pooled), throughput, time to target and the averaged curves.
 *
 * @param key             {@link LoadedRun#configKey()}
 * @param label           the cell plus the hyper-parameters that vary within the task, e.g. {@code lstm[hidden=64]}
 * @param params          the parameters of the first run (every run differs at most in seed)
 * @param runs            the runs, in file order
 * @param ok              runs that ended {@link RunStatus#OK}
 * @param metricName      the primary metric
 * @param higherIsBetter  its direction
 * @param metric          the primary metric over the OK runs
 * @param chance          the chance level of the primary metric (analytic, else empirical), NaN if unknown
 * @param canonicalParams PyTorch's parameter count
 * @param nativeParams    the backend's own parameter count
 * @param stepMillis      per-step time spread in ms
 * @param sequencesPerSecond batch size over the median step time
 * @param gflops          train FLOPs per step over the median step time, in GFLOP/s
 * @param targetsSet      runs with a target loss set
 * @param targetsReached  runs that reached it
 * @param stepsToTarget   mean steps to target over the runs that reached it
 * @param secondsToTarget mean seconds to target over the runs that reached it
 * @param meanLoss        training loss per step, averaged over runs
 * @param gradInitial     norm of dL/dh_t per time step at initialisation, geometric mean over runs
 * @param gradTrained     the same after training
 */
public record ConfigSummary(String key, String label, RunParams params, List<LoadedRun> runs, int ok,
                            String metricName, boolean higherIsBetter, MeanInterval metric, double chance,
                            long canonicalParams, long nativeParams, Spread stepMillis, double sequencesPerSecond,
                            double gflops, int targetsSet, int targetsReached, double stepsToTarget,
                            double secondsToTarget, double[] meanLoss, double[] gradInitial, double[] gradTrained) {

    /**
     * Summarises the runs of one configuration.
     *
     * @param label          its label within its task
     * @param runs           at least one run, all with the same configuration key
     * @param warmupFraction the fraction of steps dropped as warm-up from every run's times
     */
    public static ConfigSummary of(String label, List<LoadedRun> runs, double warmupFraction) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a configuration summary needs at least one run");
        }
        List<LoadedRun> okRuns = runs.stream().filter(r -> r.record().status() == RunStatus.OK).toList();
        // metric name, chance and parameter counts come from a run that ended OK when there is one
        LoadedRun first = okRuns.isEmpty() ? runs.get(0) : okRuns.get(0);
        MeanInterval metric = MeanInterval.of(okRuns.stream().mapToDouble(LoadedRun::primaryValue).toArray());
        List<RunRecord> records = runs.stream().map(LoadedRun::record).toList();
        StepFigures speed = StepFigures.of(records, warmupFraction);
        RunRecord r0 = first.record();
        List<RunRecord> setTarget = records.stream().filter(r -> Double.isFinite(r.targetLoss())).toList();
        List<RunRecord> reached = setTarget.stream().filter(r -> r.stepsToTarget() >= 0).toList();
        return new ConfigSummary(first.configKey(), label, first.params(), List.copyOf(runs), okRuns.size(),
            r0.primaryMetric(), r0.higherIsBetter(), metric, first.chance(), r0.canonicalParameters(),
            r0.nativeParameters(), speed.stepMillis(), speed.sequencesPerSecond(), speed.gflops(), setTarget.size(),
            reached.size(), reached.stream().mapToDouble(RunRecord::stepsToTarget).average().orElse(Double.NaN),
            reached.stream().mapToDouble(RunRecord::secondsToTarget).average().orElse(Double.NaN),
            Curves.mean(records.stream().map(RunRecord::losses).toList()),
            Curves.geometricMean(records.stream().map(RunRecord::gradNormsInitial).toList()),
            Curves.geometricMean(records.stream().map(RunRecord::gradNormsTrained).toList()));
    }

    /** The task id. */
    public String task() {
        return params.task();
    }

    /** The backend id. */
    public String backend() {
        return params.backend();
    }

    /** The cell id. */
    public String cell() {
        return params.cell();
    }

    /** True when some run recorded gradient norms. */
    public boolean hasGradients() {
        return gradInitial.length > 0 || gradTrained.length > 0;
    }
}
