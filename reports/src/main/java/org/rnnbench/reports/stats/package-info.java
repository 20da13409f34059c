/**
 * Statistics of results, each defined once for the console, {@code runs.csv}, the report and {@code compare}: the
 * warm-up rule ({@link org.rnnbench.reports.stats.StepTimes}), percentiles, a run's derived figures
 * ({@link org.rnnbench.reports.stats.RunFigures}, {@link org.rnnbench.reports.stats.StepFigures},
 * {@link org.rnnbench.reports.stats.TimeToTarget}), means with Student-t confidence intervals over seeds, and a
 * bootstrap confidence interval on the ratio of two medians. Distributions and quantiles come from Apache Commons
 * Statistics.
 */
package org.rnnbench.reports.stats;
