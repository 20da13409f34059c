package org.rnnbench.datasets.real;

import org.rnnbench.datasets.base.Example;
import org.rnnbench.datasets.base.Lazy;
import org.rnnbench.datasets.base.Track;
import org.rnnbench.datasets.io.Co2File;

/**
 * Forecast the next Mauna Loa CO2 measurement (weekly, 1958-2001) from the previous {@value #WINDOW} measurements.
 * The 59 weeks without a measurement are not filled in: the series is the 2,225 measured weeks, irregularly
 * sampled, and each input step carries the time to the next measurement as a feature. Input step j: the
 * measurement relative to the last one before the target, (y_j - y_last) / s, and the weeks from measurement j to
 * the next one (1 for consecutive weeks, up to 19 across a gap). Target: the change (y_t - y_last) / s. The scale
 * s is the standard deviation of the change between consecutive measurements in the training part, so values
 * relative to the last measurement keep the trend out of the inputs. Chronological split of the measurements:
 * the first 80% of targets train (see {@link ForecastTask}), the held-out ones are 1993-06-26 to 2001-12-29. All
 * the missing weeks fall before 1986, so the gaps (1 to 19 weeks) occur in training only and every held-out gap is
 * one week.
 *
 * <p>Chance predictor: persistence, the last measurement again (a change of 0).
 */
public final class Co2Task extends ForecastTask {
    /** Measurements read before the forecast one. */
    public static final int WINDOW = 26;

    /** The measured weeks (week index from the first line) and their values over s. */
    private record Observed(int[] week, double[] scaled) {
    }

    private final Lazy<Observed> observed = new Lazy<>(Co2Task::observe);

    /** The task. */
    public Co2Task() {
        super("co2", "Mauna Loa CO2 weekly with missing weeks as irregular sampling (time-delta input): forecast "
            + "the next measurement from " + WINDOW + ", chronological 80/20 split (MSE; chance: persistence)", 2,
            WINDOW);
    }

    @Override
    protected double[] series() {
        return observed.get().scaled();
    }

    private static Observed observe() {
        double[] ppm = Co2File.load().ppm();
        int count = 0;
        for (double v : ppm) {
            count += Double.isNaN(v) ? 0 : 1;
        }
        int[] week = new int[count];
        double[] y = new double[count];
        int n = 0;
        for (int w = 0; w < ppm.length; w++) {
            if (!Double.isNaN(ppm[w])) {
                week[n] = w;
                y[n++] = ppm[w];
            }
        }
        int train = (int) (count * TRAIN_FRACTION);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 1; i < train; i++) {
            double d = y[i] - y[i - 1];
            sum += d;
            sumSquares += d * d;
        }
        double mean = sum / (train - 1);
        double scale = Math.sqrt(sumSquares / (train - 1) - mean * mean);
        for (int i = 0; i < count; i++) {
            y[i] /= scale;
        }
        return new Observed(week, y);
    }

    /** The week index (from the file's first line) of measurement {@code i}. */
    int week(int i) {
        return observed.get().week()[i];
    }

    @Override
    protected Example example(int target) {
        Observed o = observed.get();
        double last = o.scaled()[target - 1];
        float[] in = new float[WINDOW * 2];
        // in is (WINDOW, 2): value relative to the last measurement, weeks to the next measurement
        for (int k = 0; k < WINDOW; k++) {
            int j = target - WINDOW + k;
            in[k * 2] = (float) (o.scaled()[j] - last);
            in[k * 2 + 1] = o.week()[j + 1] - o.week()[j];
        }
        return new Example(Track.values(2, in), Track.values(1, (float) (o.scaled()[target] - last)));
    }
}
