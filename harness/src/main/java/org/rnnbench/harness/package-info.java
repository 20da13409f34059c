/**
 * The rnnbench harness: the command line ({@link org.rnnbench.harness.Main}), its exit codes and error
 * convention ({@link org.rnnbench.harness.UsageException}: one line, exit code 2), logging defaults and the
 * version.
 */
package org.rnnbench.harness;
