/**
 * The machine's speed as a backend JVM sees it: a short fixed workload measured before the JVM's first unit and
 * recorded in every run record's environment, so that comparisons can tell a slower machine from slower code.
 */
package org.rnnbench.harness.calibration;
