/**
 * Run records grouped by configuration (every seed of one task, backend, cell and hyper-parameter set) and the
 * numbers every table and plot shows about a configuration.
 */
package org.rnnbench.reports.summary;
