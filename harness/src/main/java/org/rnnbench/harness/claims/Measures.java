package org.rnnbench.harness.claims;

import java.util.Arrays;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.gradients.DecayFit;
import org.rnnbench.reports.stats.Percentiles;
import org.rnnbench.reports.stats.StepTimes;
import org.rnnbench.reports.stats.TimeToTarget;

/**
 * What the claims read from one run record. A diverged run, or a metric that is not finite, counts as infinitely
 * bad ({@code +inf} for a lower-is-better quantity); a target never reached counts as infinitely late.
 */
public final class Measures {
    /** The fraction of a run's last steps whose mean is its final training loss. */
    static final double FINAL_FRACTION = 0.1;
    /** The training steps whose mean loss counts as reaching a target. */
    public static final int TARGET_WINDOW = 100;

    private Measures() {
    }

    /** A lower-is-better evaluation metric; {@code +inf} for a diverged run or a value that is not finite. */
    public static double metric(RunRecord r, String name) {
        Double v = r.metrics() == null ? null : r.metrics().get(name);
        return r.status() == RunStatus.DIVERGED || v == null || !Double.isFinite(v) ? Double.POSITIVE_INFINITY : v;
    }

    /** A lower-is-better metric over the task's analytic chance level (1 = chance). */
    public static double overChance(RunRecord r, String name) {
        Double chance = r.chanceAnalytic() == null ? null : r.chanceAnalytic().get(name);
        return chance == null || chance <= 0 ? Double.NaN : metric(r, name) / chance;
    }

    /** The median train-step time in milliseconds after the warm-up steps (the reports' definition). */
    public static double medianStepMillis(RunRecord r) {
        double[] ms = StepTimes.millis(r, StepTimes.DEFAULT_WARMUP);
        return ms.length == 0 ? Double.NaN : Percentiles.median(ms);
    }

    /**
     * The steps until the mean training loss over the last {@value #TARGET_WINDOW} steps first reached the
     * record's target loss (counting that step); {@code +inf} when it never did. A window, not the first single
     * step at the target that the record holds: one batch's loss is noisy enough to touch the target long before
     * the model does.
     */
    public static double stepsToTarget(RunRecord r) {
        TimeToTarget t = windowedTimeToTarget(r);
        return t.step() < 0 ? Double.POSITIVE_INFINITY : t.step() + 1;
    }

    /** The train seconds of those steps ({@link #stepsToTarget}); {@code +inf} when the target was never reached. */
    public static double secondsToTarget(RunRecord r) {
        TimeToTarget t = windowedTimeToTarget(r);
        return t.step() < 0 ? Double.POSITIVE_INFINITY : t.seconds();
    }

    private static TimeToTarget windowedTimeToTarget(RunRecord r) {
        double[] l = r.losses();
        double[] mean = new double[l.length];
        double sum = 0;
        for (int s = 0; s < l.length; s++) {
            sum += l[s] - (s >= TARGET_WINDOW ? l[s - TARGET_WINDOW] : 0);
            mean[s] = s >= TARGET_WINDOW - 1 ? sum / TARGET_WINDOW : Double.NaN;
        }
        return TimeToTarget.of(mean, r.stepNanos(), r.targetLoss());
    }

    /**
     * {@code a / b} for two times that may be infinite (never reached): NaN when both are (no comparison), 0 when
     * only {@code b} is, {@code +inf} when only {@code a} is.
     */
    public static double ratio(double a, double b) {
        if (Double.isInfinite(a) && Double.isInfinite(b)) {
            return Double.NaN;
        }
        return Double.isInfinite(b) ? 0 : a / b;
    }

    /** The decay fit of dL/dh_t at initialisation. */
    public static DecayFit initialFit(RunRecord r) {
        return DecayFit.of(r.gradNormsInitial());
    }

    /** The decay fit of dL/dh_t after training. */
    public static DecayFit trainedFit(RunRecord r) {
        return DecayFit.of(r.gradNormsTrained());
    }

    /** The horizon after training in steps, the whole length when the norm never fell below 1e-3 within T. */
    public static double trainedHorizon(RunRecord r) {
        int h = trainedFit(r).horizon();
        return h < 0 ? r.gradNormsTrained().length : h;
    }

    /** The largest training loss over the first: log10 of it ({@code +inf} for a diverged run). */
    public static double lossSpike(RunRecord r) {
        double[] l = r.losses();
        if (r.status() == RunStatus.DIVERGED || l.length == 0 || Arrays.stream(l).anyMatch(x -> !Double.isFinite(x))) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log10(Arrays.stream(l).max().orElseThrow() / l[0]);
    }

    /** The mean training loss over the last tenth of the steps; {@code +inf} for a diverged run. */
    public static double finalLoss(RunRecord r) {
        double[] l = r.losses();
        if (r.status() == RunStatus.DIVERGED || l.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        int from = (int) Math.floor(l.length * (1 - FINAL_FRACTION));
        double mean = Arrays.stream(l, Math.min(from, l.length - 1), l.length).average().orElseThrow();
        return Double.isFinite(mean) ? mean : Double.POSITIVE_INFINITY;
    }
}
