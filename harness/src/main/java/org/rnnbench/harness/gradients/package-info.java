/**
 * The gradient-decay study's analysis: the fitted decay rate and horizon of a curve of |dL/dh_t|, and its CSV
 * files and table.
 */
package org.rnnbench.harness.gradients;
