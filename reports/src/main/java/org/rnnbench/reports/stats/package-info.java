/**
 * Statistics of results: means with Student-t confidence intervals over seeds, medians and percentiles of per-step
 * times, and a bootstrap confidence interval on the ratio of two medians.
 */
package org.rnnbench.reports.stats;
