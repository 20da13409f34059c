/** Parameter-count and FLOP formulas, so that reports can show parameters and GFLOP/s for every backend alike. */
package org.rnnbench.core.cost;
