package org.rnnbench.harness.progress;

import java.util.HashMap;
import java.util.Map;

/**
 * Estimates the time left from each unit's estimated cost (FLOPs of training and evaluation) and each backend's
 * measured speed: once units of a backend have finished, its rate is their cost over their wall time (model
 * creation and evaluation included); before that, the mean rate of the backends measured so far, or
 * {@link #PRIOR_RATE} when none is. Backends differ by an order of magnitude in speed, so one rate for all would be
 * far off.
 */
public final class Eta {
    /** FLOP/s assumed before any unit has finished. */
    public static final double PRIOR_RATE = 1e9;

    private final Map<String, double[]> measured = new HashMap<>();
    private final Map<String, Double> remainingCost = new HashMap<>();

    /** Adds a unit still to run. */
    public void add(String backend, double cost) {
        remainingCost.merge(backend, cost, Double::sum);
    }

    /** A unit finished: {@code cost} FLOPs took {@code seconds} of wall time. */
    public void finished(String backend, double cost, double seconds) {
        remainingCost.merge(backend, -cost, Double::sum);
        double[] m = measured.computeIfAbsent(backend, k -> new double[2]);
        m[0] += cost;
        m[1] += seconds;
    }

    /** The rate of a backend in FLOP/s: measured, or the mean of the measured ones, or the prior. */
    public double rate(String backend) {
        double[] m = measured.get(backend);
        if (m != null && m[1] > 0) {
            return m[0] / m[1];
        }
        double sum = 0;
        int n = 0;
        for (double[] other : measured.values()) {
            if (other[1] > 0) {
                sum += other[0] / other[1];
                n++;
            }
        }
        return n > 0 ? sum / n : PRIOR_RATE;
    }

    /**
     * The seconds left, taking {@code currentDone} FLOPs of the unit in progress on {@code currentBackend} (which
     * {@link #add} counted in full) as already done.
     */
    public double secondsLeft(String currentBackend, double currentDone) {
        double seconds = 0;
        for (Map.Entry<String, Double> e : remainingCost.entrySet()) {
            double cost = Math.max(0, e.getValue() - (e.getKey().equals(currentBackend) ? currentDone : 0));
            seconds += cost / rate(e.getKey());
        }
        return seconds;
    }
}
