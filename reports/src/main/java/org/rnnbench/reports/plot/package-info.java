/**
 * PNG plots drawn headless with JFreeChart: gradient-decay curves on a log axis, loss curves, speed bars with
 * p10-p90 error bars and the primary metric against the parameter count. File names are deterministic.
 */
package org.rnnbench.reports.plot;
