/**
 * Loading result files: every run-record JSON-lines file of a results directory, with a one-line message naming
 * file and line for anything that is not a complete record.
 */
package org.rnnbench.reports.read;
