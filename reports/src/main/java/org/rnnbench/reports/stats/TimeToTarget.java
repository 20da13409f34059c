package org.rnnbench.reports.stats;

/**
 * Time to a target loss, defined once: the first step whose training loss is at or below the target, and the
 * train seconds up to and including it (the sum of those steps' wall times, warm-up included, since reaching the
 * target early is the point). The worker records both in the run record; every reader takes them from there.
 *
 * @param step    the 0-based step, -1 when the target was never reached or none was set (NaN)
 * @param seconds the train seconds up to and including that step, NaN when never
 */
public record TimeToTarget(int step, double seconds) {

    /** When the loss first reached {@code target}. */
    public static TimeToTarget of(double[] losses, long[] stepNanos, double target) {
        long sum = 0;
        for (int i = 0; i < Math.min(losses.length, stepNanos.length) && !Double.isNaN(target); i++) {
            sum += stepNanos[i];
            if (losses[i] <= target) {
                return new TimeToTarget(i, sum / 1e9);
            }
        }
        return new TimeToTarget(-1, Double.NaN);
    }
}
