/**
 * The tasks of the benchmark by parameterised id ({@code adding-T200}, {@code copy-T100-K8}, {@code jsb-chorales}):
 * {@link org.rnnbench.datasets.TaskRegistry} lists the id patterns with a one-line description and makes a task
 * from an id. The tasks live in the sub-packages: {@code synthetic} (generated from the seed), {@code real}
 * (shipped data), with their shared machinery in {@code base} and the file readers in {@code io}.
 */
package org.rnnbench.datasets;
