/**
 * {@code rnnbench claims}: sentences from the lecture and published results turned into experiments, statistics
 * with 95% intervals over seeds, thresholds and verdicts computed from run records ({@code holds},
 * {@code does not hold}, {@code inconclusive}, {@code not run}), written as Markdown, CSV and a section of the
 * HTML report.
 */
package org.rnnbench.harness.claims;
