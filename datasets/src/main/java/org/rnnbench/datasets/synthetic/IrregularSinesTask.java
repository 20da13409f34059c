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
 * Multivariate series sampled at irregular times. Each of {@value #CHANNELS} channels is a sum of two sines,
 * {@code x_c(t) = sum_j a_cj sin(2 pi f_cj t + p_cj) + noise}, with amplitude a uniform in [0.5, 1], frequency f
 * uniform in [0.05, 0.25] per time unit, phase p uniform in [0, 2 pi), Gaussian noise of standard deviation
 * {@value #NOISE}, all drawn per sequence. Observation times start at 0 with gaps uniform in [0.2, 2].
 * Input at step i: the {@value #CHANNELS} noisy values at t_i and the gap t_{i+1} - t_i to the next observation;
 * target: the {@value #CHANNELS} noisy values at t_{i+1}. {@value #STEPS} steps, many-to-many, MSE.
 *
 * <p>Chance predictor: the constant 0, the mean. Per output its MSE is {@code 2 E[a^2]/2 + noise^2} with
 * {@code E[a^2] = (1 - 0.125) / 1.5 = 7/12}, that is 7/12 + 0.01.
 */
public final class IrregularSinesTask extends GeneratedTask {
    /** Channels per step. */
    public static final int CHANNELS = 3;
    /** Steps per sequence. */
    public static final int STEPS = 60;
    /** Noise standard deviation. */
    public static final double NOISE = 0.1;
    private static final int SINES = 2;
    private static final double MIN_AMPLITUDE = 0.5;
    private static final double MIN_FREQUENCY = 0.05;
    private static final double MAX_FREQUENCY = 0.25;
    private static final double MIN_GAP = 0.2;
    private static final double MAX_GAP = 2.0;
    private static final int EVALUATION_SIZE = 1024;

    /** The task. */
    public IrregularSinesTask() {
        super("sines-irregular", "multivariate: forecast " + CHANNELS + " noisy sums of sines at the next of "
                + "irregularly spaced times, the gap given as an input (MSE, chance 0.593)",
            new InputEncoding.Dense(CHANNELS + 1), Topology.MANY_TO_MANY, LossType.MSE, CHANNELS, Metric.MSE,
            EVALUATION_SIZE);
    }

    @Override
    protected Example draw(SplittableRandom random) {
        double[] amplitude = new double[CHANNELS * SINES];
        double[] frequency = new double[CHANNELS * SINES];
        double[] phase = new double[CHANNELS * SINES];
        for (int k = 0; k < amplitude.length; k++) {
            amplitude[k] = MIN_AMPLITUDE + (1 - MIN_AMPLITUDE) * random.nextDouble();
            frequency[k] = MIN_FREQUENCY + (MAX_FREQUENCY - MIN_FREQUENCY) * random.nextDouble();
            phase[k] = 2 * Math.PI * random.nextDouble();
        }
        // observations 0..STEPS: inputs read 0..STEPS-1, targets 1..STEPS
        double[] times = new double[STEPS + 1];
        for (int i = 1; i <= STEPS; i++) {
            times[i] = times[i - 1] + MIN_GAP + (MAX_GAP - MIN_GAP) * random.nextDouble();
        }
        float[] observed = new float[(STEPS + 1) * CHANNELS];
        // observed is (STEPS+1, C)
        for (int i = 0; i <= STEPS; i++) {
            for (int c = 0; c < CHANNELS; c++) {
                double x = NOISE * gaussian(random);
                for (int j = 0; j < SINES; j++) {
                    int k = c * SINES + j;
                    x += amplitude[k] * Math.sin(2 * Math.PI * frequency[k] * times[i] + phase[k]);
                }
                observed[i * CHANNELS + c] = (float) x;
            }
        }
        float[] input = new float[STEPS * (CHANNELS + 1)];
        float[] target = new float[STEPS * CHANNELS];
        // input is (STEPS, C+1), target is (STEPS, C)
        for (int i = 0; i < STEPS; i++) {
            System.arraycopy(observed, i * CHANNELS, input, i * (CHANNELS + 1), CHANNELS);
            input[i * (CHANNELS + 1) + CHANNELS] = (float) (times[i + 1] - times[i]);
            System.arraycopy(observed, (i + 1) * CHANNELS, target, i * CHANNELS, CHANNELS);
        }
        return new Example(Track.values(CHANNELS + 1, input), Track.values(CHANNELS, target));
    }

    /** A standard normal draw (Box-Muller, one of the pair). */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public Map<String, Double> analyticChance() {
        double meanSquaredAmplitude = (1 - Math.pow(MIN_AMPLITUDE, 3)) / (3 * (1 - MIN_AMPLITUDE));
        return Chance.mse(SINES * meanSquaredAmplitude / 2 + NOISE * NOISE);
    }
}
