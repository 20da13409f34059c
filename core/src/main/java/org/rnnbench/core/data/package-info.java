/** Sequence data: batches with lengths and masks, the task interface, and the metrics every backend is scored by. */
package org.rnnbench.core.data;
