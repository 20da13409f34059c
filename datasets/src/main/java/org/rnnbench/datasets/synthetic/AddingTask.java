package org.rnnbench.datasets.synthetic;

import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Metric;
import org.rnnbench.core.spec.Check;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.datasets.base.Chance;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.GeneratedTask;
import org.rnnbench.datasets.base.Track;

/**
 * The adding problem in the form of Le et al. (2015) and Arjovsky et al. (2016): T steps of two channels, a value
 * drawn from U[0,1) and a marker that is 1 at exactly two steps, one in each half ([0, T/2) and [T/2, T)). The
 * target is the sum of the two marked values. Many-to-one, MSE.
 *
 * <p>Chance predictor: the constant 1, the mean of the sum. The sum of two U[0,1) has variance 2/12, so its MSE is
 * 1/6.
 */
public final class AddingTask extends GeneratedTask {
    /** The smallest T: one step in each half. */
    public static final int MIN_T = 2;
    /** The largest T accepted. */
    public static final int MAX_T = 100_000;
    private static final int EVALUATION_SIZE = 1024;

    private final int time;

    /** The task for sequences of {@code time} steps. */
    public AddingTask(int time) {
        super("adding-T" + time, "adding problem: sum the two marked values of " + time + " steps (MSE, chance 1/6)",
            new InputEncoding.Dense(2), Topology.MANY_TO_ONE, LossType.MSE, 1, Metric.MSE, EVALUATION_SIZE);
        this.time = Check.inRange("adding-T" + time + ": T", time, MIN_T, MAX_T);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        float[] x = new float[time * 2];
        // x is (T, 2): value, marker
        for (int t = 0; t < time; t++) {
            x[t * 2] = (float) random.nextDouble();
        }
        int half = time / 2;
        int first = random.nextInt(half);
        int second = half + random.nextInt(time - half);
        x[first * 2 + 1] = 1f;
        x[second * 2 + 1] = 1f;
        return new Example(Track.values(2, x), Track.values(1, x[first * 2] + x[second * 2]));
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.mse(1.0 / 6.0);
    }

    /** The constant 1. */
    @Override
    public float[] chanceOutputs(Batch batch) {
        return Chance.constant(batch.target(), new float[] {1f});
    }
}
