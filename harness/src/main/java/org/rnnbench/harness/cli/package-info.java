/**
 * The picocli commands: {@code list}, {@code run}, {@code gradients}, {@code verify}, and the option groups they
 * share. Commands validate their input, then hand the work to the plan, sweep and verify packages.
 */
package org.rnnbench.harness.cli;
