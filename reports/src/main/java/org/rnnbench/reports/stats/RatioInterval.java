package org.rnnbench.reports.stats;

/**
 * A ratio current / baseline with a bootstrap confidence interval and standard error.
 *
 * @param ratio      the point estimate
 * @param low        lower end of the percentile interval
 * @param high       upper end of the percentile interval
 * @param confidence the interval's coverage, e.g. 0.95
 * @param logSe      the standard deviation of the log of the bootstrap ratios (standard error of log ratio)
 */
public record RatioInterval(double ratio, double low, double high, double confidence, double logSe) {
}
