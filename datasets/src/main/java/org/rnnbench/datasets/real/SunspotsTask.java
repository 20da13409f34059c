package org.rnnbench.datasets.real;

import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.Track;
import org.rnnbench.datasets.io.SunspotsFile;

/**
 * Forecast next year's sunspot activity (1700-2008) from the previous {@value #WINDOW} years. The series is
 * standardised with the mean and standard deviation of the training years; one feature per step. Chronological
 * split: targets 1720-1946 train, 1947-2008 are held out (see {@link ForecastTask}).
 *
 * <p>Chance predictor: persistence (this year's value again), 0.95 in standardised units on the held-out years;
 * predicting the training mean would score 3.2 (the held-out cycles are the strongest on record).
 */
public final class SunspotsTask extends ForecastTask {
    /** Years read before the forecast year. */
    public static final int WINDOW = 20;

    /** The task. */
    public SunspotsTask() {
        super("sunspots", "sunspots 1700-2008: forecast next year's activity from " + WINDOW + " years, "
            + "chronological 80/20 split (MSE; chance: persistence)", 1, WINDOW);
    }

    @Override
    protected double[] series() {
        double[] a = SunspotsFile.load().activity();
        int train = (int) (a.length * TRAIN_FRACTION);
        double mean = 0;
        for (int t = 0; t < train; t++) {
            mean += a[t] / train;
        }
        double variance = 0;
        for (int t = 0; t < train; t++) {
            variance += (a[t] - mean) * (a[t] - mean) / train;
        }
        double sd = Math.sqrt(variance);
        double[] x = new double[a.length];
        for (int t = 0; t < x.length; t++) {
            x[t] = (a[t] - mean) / sd;
        }
        return x;
    }

    @Override
    protected Example example(int target) {
        double[] x = values();
        float[] in = new float[WINDOW];
        for (int k = 0; k < WINDOW; k++) {
            in[k] = (float) x[target - WINDOW + k];
        }
        return new Example(Track.values(1, in), Track.values(1, (float) x[target]));
    }
}
