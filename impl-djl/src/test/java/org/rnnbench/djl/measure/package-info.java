/**
 * Measurement programs run by {@code impl-djl/measure.sh} (not tests): native memory over a long run and the speed
 * of fused against unrolled cells. Their outputs are recorded in {@code impl-djl/FINDINGS.md}.
 */
package org.rnnbench.djl.measure;
