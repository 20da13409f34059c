/**
 * The machine's speed as a backend JVM sees it: a short fixed workload, the same in every backend JVM, measured
 * before its first unit and after each unit, and recorded in every run record's environment as the measurements
 * just before and just after its unit, so that comparisons can tell a slower machine from slower code.
 */
package org.rnnbench.harness.calibration;
