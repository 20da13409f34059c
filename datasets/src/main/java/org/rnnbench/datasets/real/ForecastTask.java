package org.rnnbench.datasets.real;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Metric;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.datasets.base.BaseTask;
import org.rnnbench.datasets.base.Chance;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.Lazy;

/**
 * One-step forecasting of a series x_0..x_{N-1} with a chronological split. Example t reads the {@code window}
 * observations before t and forecasts observation t. Subclasses arrange it so that the persistence forecast, the
 * first feature of the last input step, misses the target by exactly x_t - x_{t-1} (a plain series feeds x and
 * targets x_t; a series relative to the last observation feeds 0 there and targets the change). Training targets are t in [window, split), so training never reads an observation at or after the split;
 * evaluation targets are every t from the split on (their windows may reach back before the split: the past is
 * known when forecasting). Many-to-one, MSE.
 *
 * <p>Chance predictor: persistence, the last input value. Its analytic MSE is the mean of (x_t - x_{t-1})^2 over
 * the evaluation targets, computed from the series.
 */
abstract class ForecastTask extends BaseTask {
    /** The fraction of the observations whose targets train. */
    static final double TRAIN_FRACTION = 0.8;

    private final int window;
    private final Lazy<double[]> series = new Lazy<>(this::series);

    ForecastTask(String id, String description, int features, int window) {
        super(id, description, new InputEncoding.Dense(features), Topology.MANY_TO_ONE, LossType.MSE, 1, Metric.MSE);
        this.window = window;
    }

    /** The series in the task's units, x_t being the target of example t. */
    protected abstract double[] series();

    /** The example whose target is observation {@code target}. */
    protected abstract Example example(int target);

    /** The series, computed on first use. */
    final double[] values() {
        return series.get();
    }

    /** The number of observations read before a target. */
    final int window() {
        return window;
    }

    /** The first held-out observation. */
    final int split() {
        return (int) (values().length * TRAIN_FRACTION);
    }

    /** The target of a training example drawn from {@code random}, in [window, split). */
    final int trainTarget(SplittableRandom random) {
        return window + random.nextInt(split() - window);
    }

    @Override
    protected final Example trainExample(SplittableRandom random) {
        return example(trainTarget(random));
    }

    @Override
    protected final List<Example> evaluationExamples(long seed) {
        List<Example> examples = new ArrayList<>();
        for (int t = split(); t < values().length; t++) {
            examples.add(example(t));
        }
        return examples;
    }

    @Override
    public final Map<String, Double> analyticChance() {
        double[] x = values();
        double sum = 0;
        for (int t = split(); t < x.length; t++) {
            double d = x[t] - x[t - 1];
            sum += d * d;
        }
        return Chance.mse(sum / (x.length - split()));
    }

    /** Persistence: the first feature of each sequence's last valid input step. */
    @Override
    public final float[] chanceOutputs(Batch batch) {
        Sequences in = batch.input();
        float[] out = new float[batch.size()];
        for (int b = 0; b < out.length; b++) {
            out[b] = in.values()[(b * in.time() + in.lengths()[b] - 1) * in.width()];
        }
        return out;
    }
}
