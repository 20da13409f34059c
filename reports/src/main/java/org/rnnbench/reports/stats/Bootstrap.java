package org.rnnbench.reports.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence interval on the ratio of a percentile of two samples (current / baseline per-step
 * times), e.g. the median: each of {@code resamples} rounds draws n_b baseline and n_c current values with
 * replacement, takes the ratio of the two percentiles, and the interval is the {@code (1-c)/2} and {@code (1+c)/2}
 * percentiles of those ratios; the standard error of the log ratio is the standard deviation of the logs of those
 * ratios. The point estimate is the ratio of the percentiles of the samples themselves. Percentiles are
 * {@link Percentiles}' (linear between order statistics). The generator is seeded, so the same samples give the
 * same interval.
 *
 * <p>A resample's percentile is found without sorting it: the sample is sorted once, a round counts how often each
 * order statistic was drawn, and the percentile is read off the cumulative counts (O(n) per round).
 *
 * <p>Resampling single steps treats them as independent, so the interval covers the noise within a run only;
 * what differs between two runs as a whole (JIT outcomes, other load on the machine) is not in it.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** The interval on the ratio of medians. */
    public static RatioInterval medianRatio(double[] baseline, double[] current, int resamples, double confidence,
                                            long seed) {
        return percentileRatio(baseline, current, 50, resamples, confidence, seed);
    }

    /**
     * The interval on the ratio of the p-th percentiles.
     *
     * @param baseline   baseline sample, at least one value
     * @param current    current sample, at least one value
     * @param resamples  rounds, at least 100
     * @param confidence coverage in (0, 1)
     * @param p          the percentile, in [0, 100]
     * @param seed       seed of the resampling
     */
    public static RatioInterval percentileRatio(double[] baseline, double[] current, double p, int resamples,
                                                double confidence, long seed) {
        if (baseline.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("a ratio of percentiles needs values on both sides, got "
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
            ratios[r] = resampledPercentile(c, p, countsC, random) / resampledPercentile(b, p, countsB, random);
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
        return new RatioInterval(Percentiles.ofSorted(c, p) / Percentiles.ofSorted(b, p),
            Percentiles.ofSorted(ratios, tail), Percentiles.ofSorted(ratios, 100 - tail), confidence,
            Math.sqrt(ss / (resamples - 1)));
    }

    /**
     * The p-th percentile of n draws with replacement from {@code sorted}, by counting draws per order statistic:
     * linear between the order statistics at ranks floor(h) and floor(h) + 1 (0-based), h = (n - 1) p / 100.
     */
    static double resampledPercentile(double[] sorted, double p, int[] counts, SplittableRandom random) {
        int n = sorted.length;
        draw(counts, random);
        double h = (n - 1) * p / 100;
        int lowRank = (int) Math.floor(h);
        double fraction = h - lowRank;
        int highRank = Math.min(lowRank + 1, n - 1);
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
                return fraction == 0 ? low : (1 - fraction) * low + fraction * sorted[i];
            }
        }
        throw new IllegalStateException("counts of " + n + " draws summed to " + seen);
    }

    /** Counts, per index, how often n = counts.length draws with replacement picked it. */
    private static void draw(int[] counts, SplittableRandom random) {
        int n = counts.length;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(n)]++;
        }
    }
}
