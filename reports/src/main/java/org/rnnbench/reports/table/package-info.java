/**
 * The table model ({@link org.rnnbench.reports.table.Table}: typed cells, formatted per column), its CSV and
 * Markdown writers, and the report's tables built from configuration summaries.
 */
package org.rnnbench.reports.table;
