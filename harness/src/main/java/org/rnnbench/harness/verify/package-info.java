/**
 * Cross-backend equivalence of the recurrent layer: cases (weights and input, random or from files), the probe
 * runs in worker JVMs, the relative-error definition, pairwise comparison and the report.
 */
package org.rnnbench.harness.verify;
