/**
 * What every task shares: seeds derived from (seed, step), examples and their packing into padded batches, the
 * base classes that turn an example source into a {@link org.rnnbench.core.data.SequenceTask}, and the chance
 * predictors and analytic baselines in {@link org.rnnbench.core.data.MetricAccumulator}'s metric names.
 */
package org.rnnbench.datasets.base;
