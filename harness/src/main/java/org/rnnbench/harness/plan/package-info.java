/**
 * Planning: matrices and suites of run units, validated ids and sizes, deterministic unit ids, weights file names
 * and results directory names, and cost estimates for the progress ETA.
 */
package org.rnnbench.harness.plan;
