package org.rnnbench.datasets.synthetic;

import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.data.Metric;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.datasets.base.Chance;
import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.GeneratedTask;
import org.rnnbench.datasets.base.Track;

/**
 * One-to-many generation: from one input, the frequency f and phase p of a sine, generate
 * {@code y_t = sin(2 pi f t + p)} for t = 0..{@value #STEPS}-1. f is uniform in [1/40, 1/10] cycles per step
 * (periods of 10 to 40 steps), p uniform in [0, 2 pi). The input is three features: f rescaled to [-1, 1],
 * sin p and cos p. MSE.
 *
 * <p>Chance predictor: the constant 0. For a uniform phase {@code E[sin^2] = 1/2} at every step, so its MSE is 1/2.
 */
public final class SineGenerationTask extends GeneratedTask {
    /** The number of generated steps. */
    public static final int STEPS = 50;
    private static final double MIN_FREQUENCY = 1.0 / 40;
    private static final double MAX_FREQUENCY = 1.0 / 10;
    private static final int EVALUATION_SIZE = 1024;

    /** The task. */
    public SineGenerationTask() {
        super("sine-generation", "one-to-many: generate " + STEPS + " steps of a sine from its frequency and phase"
                + " (MSE, chance 0.5)",
            new InputEncoding.Dense(3), Topology.ONE_TO_MANY, LossType.MSE, 1, Metric.MSE, EVALUATION_SIZE);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        double frequency = MIN_FREQUENCY + (MAX_FREQUENCY - MIN_FREQUENCY) * random.nextDouble();
        double phase = 2 * Math.PI * random.nextDouble();
        float scaled = (float) (2 * (frequency - MIN_FREQUENCY) / (MAX_FREQUENCY - MIN_FREQUENCY) - 1);
        float[] y = new float[STEPS];
        for (int t = 0; t < STEPS; t++) {
            y[t] = (float) Math.sin(2 * Math.PI * frequency * t + phase);
        }
        return new Example(Track.values(3, scaled, (float) Math.sin(phase), (float) Math.cos(phase)),
            Track.values(1, y));
    }

    @Override
    public Map<String, Double> analyticChance() {
        return Chance.mse(0.5);
    }
}
