package org.rnnbench.reports.stats;

import java.util.Arrays;

/**
 * The Hodges-Lehmann estimate of the centre of a symmetric distribution and its distribution-free confidence
 * interval from the Wilcoxon signed-rank test (Hollander, Wolfe and Chicken, <i>Nonparametric Statistical
 * Methods</i>, section 3.2). From n values x_i, the Walsh averages (x_i + x_j) / 2 for i &lt;= j, M = n(n+1)/2 of
 * them, sorted: the estimate is their median; the interval is [W_(k), W_(M+1-k)], with k - 1 the largest value of
 * the signed-rank statistic whose lower tail P(T &lt;= k - 1) is at most (1 - confidence) / 2 under the null
 * (the exact distribution, counted over the 2^n sign patterns). Its coverage is at least the confidence asked for.
 *
 * <p>Unlike a mean with a Student-t interval, one wild value moves neither the estimate nor the interval by more
 * than one rank: seven values near 1.15 and one at 3.5 give an interval near 1.15, where the t interval spans
 * [0.85, 2.05].
 *
 * @param estimate the Hodges-Lehmann estimate
 * @param low      lower end; -infinity when n is too small for the confidence (2^-n &gt; (1 - confidence) / 2)
 * @param high     upper end; +infinity likewise
 * @param k        the rank of the lower end among the Walsh averages (0 when unbounded)
 */
public record SignedRankInterval(double estimate, double low, double high, int k) {

    /**
     * The estimate and interval of {@code values}.
     *
     * @param confidence the coverage, in (0, 1)
     * @throws IllegalArgumentException with no values, a value that is not finite, or a confidence outside (0, 1)
     */
    public static SignedRankInterval of(double[] values, double confidence) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a signed-rank interval needs at least one value");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("the confidence must be in (0, 1), got " + confidence);
        }
        int n = values.length;
        double[] walsh = new double[n * (n + 1) / 2];
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("a signed-rank interval needs finite values, got " + values[i]);
            }
            for (int j = i; j < n; j++) {
                walsh[w++] = (values[i] + values[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        double estimate = Percentiles.median(walsh);
        int k = lowerRank(n, (1 - confidence) / 2);
        return k == 0 ? new SignedRankInterval(estimate, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0)
            : new SignedRankInterval(estimate, walsh[k - 1], walsh[walsh.length - k], k);
    }

    /** The fewest values that give a bounded interval at {@code confidence}: 2^-n &lt;= (1 - confidence) / 2. */
    public static int fewestValues(double confidence) {
        int n = 1;
        while (Math.pow(2, -n) > (1 - confidence) / 2) {
            n++;
        }
        return n;
    }

    /**
     * The largest k such that P(T &lt;= k - 1) &lt;= tail for the signed-rank statistic T of n values, 0 when even
     * P(T = 0) = 2^-n exceeds it.
     */
    static int lowerRank(int n, double tail) {
        double[] p = nullDistribution(n);
        double cumulative = 0;
        int k = 0;
        while (k < p.length && cumulative + p[k] <= tail) {
            cumulative += p[k];
            k++;
        }
        return k;
    }

    /**
     * P(T = t) for t = 0 .. n(n+1)/2 under the null: every sign pattern of the ranks 1..n equally likely, counted
     * by adding one rank at a time (each either in the positive sum or not), halved per rank to stay in range.
     */
    static double[] nullDistribution(int n) {
        int max = n * (n + 1) / 2;
        double[] p = new double[max + 1];
        p[0] = 1;
        int reach = 0;
        for (int rank = 1; rank <= n; rank++) {
            reach += rank;
            for (int t = reach; t >= 0; t--) {
                p[t] = (p[t] + (t >= rank ? p[t - rank] : 0)) / 2;
            }
        }
        return p;
    }
}
