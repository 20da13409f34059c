/**
 * A resumable sweep of run units across worker JVMs, the records the parent writes for crashed units, and the
 * summary table printed at the end of a run.
 */
package org.rnnbench.harness.sweep;
