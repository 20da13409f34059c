package org.rnnbench.reports.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence interval on the ratio of medians of two samples (current / baseline per-step
 * times): each of {@code resamples} rounds draws n_b baseline and n_c current values with replacement, takes the
 * ratio of the two medians, and the interval is the {@code (1-c)/2} and {@code (1+c)/2} percentiles of those
 * ratios; the standard error of the log ratio is the standard deviation of the logs of those ratios. The point
 * estimate is the ratio of the medians of the samples themselves. The generator is seeded, so the same samples
 * give the same interval.
 *
 * <p>A resample's median is found without sorting it: the sample is sorted once, a round counts how often each
 * order statistic was drawn, and the median is read off the cumulative counts (O(n) per round).
 *
 * <p>Resampling single steps treats them as independent, so the interval covers the noise within a run only;
 * what differs between two runs as a whole (JIT outcomes, other load on the machine) is not in it.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * The interval.
     *
     * @param baseline   baseline sample, at least one value
     * @param current    current sample, at least one value
     * @param resamples  rounds, at least 100
     * @param confidence coverage in (0, 1)
     * @param seed       seed of the resampling
     */
    public static RatioInterval medianRatio(double[] baseline, double[] current, int resamples, double confidence,
                                            long seed) {
        if (baseline.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("a ratio of medians needs values on both sides, got "
                + baseline.length + " baseline and " + current.length + " current");
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("a bootstrap needs at least 100 resamples, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        double[] b = baseline.clone();
        double[] c = current.clone();
        Arrays.sort(b);
        Arrays.sort(c);
        SplittableRandom random = new SplittableRandom(seed);
        int[] countsB = new int[b.length];
        int[] countsC = new int[c.length];
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            ratios[r] = resampledMedian(c, countsC, random) / resampledMedian(b, countsB, random);
        }
        Arrays.sort(ratios);
        double meanLog = 0;
        for (double r : ratios) {
            meanLog += Math.log(r) / resamples;
        }
        double ss = 0;
        for (double r : ratios) {
            ss += (Math.log(r) - meanLog) * (Math.log(r) - meanLog);
        }
        double tail = (1 - confidence) / 2 * 100;
        return new RatioInterval(Percentiles.ofSorted(c, 50) / Percentiles.ofSorted(b, 50),
            Percentiles.ofSorted(ratios, tail), Percentiles.ofSorted(ratios, 100 - tail), confidence,
            Math.sqrt(ss / (resamples - 1)));
    }

    /** The median of n draws with replacement from {@code sorted}, by counting draws per order statistic. */
    static double resampledMedian(double[] sorted, int[] counts, SplittableRandom random) {
        int n = sorted.length;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(n)]++;
        }
        // the median of n values is the mean of the order statistics (n-1)/2 and n/2 (0-based), equal when n is odd
        int lowRank = (n - 1) / 2;
        int highRank = n / 2;
        double low = 0;
        boolean haveLow = false;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            seen += counts[i];
            if (!haveLow && seen > lowRank) {
                low = sorted[i];
                haveLow = true;
            }
            if (seen > highRank) {
                return (low + sorted[i]) / 2;
            }
        }
        throw new IllegalStateException("counts of " + n + " draws summed to " + seen);
    }
}
