/**
 * Reports from result files: {@link org.rnnbench.reports.Reports} turns a results directory into tables (CSV,
 * Markdown), PNG plots and one self-contained {@code report.html}; {@link org.rnnbench.reports.compare.Compare}
 * judges a current run against a baseline. Reads result files only, never a backend.
 */
package org.rnnbench.reports;
