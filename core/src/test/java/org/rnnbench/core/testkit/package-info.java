/**
 * The test kit every backend module uses (shipped in core's test-jar): a deliberately naive double-precision
 * reference implementation of the whole contract ({@link org.rnnbench.core.testkit.ReferenceBackend},
 * {@link org.rnnbench.core.testkit.ReferenceModel}, the cells in {@link org.rnnbench.core.testkit.ReferenceCells}),
 * a central-difference gradient checker ({@link org.rnnbench.core.testkit.FiniteDifferences}), one way of measuring
 * agreement ({@link org.rnnbench.core.testkit.Comparison}), random valid batches
 * ({@link org.rnnbench.core.testkit.RandomBatches}), golden PyTorch-layout files
 * ({@link org.rnnbench.core.testkit.GoldenFiles}) and the abstract contract test
 * ({@link org.rnnbench.core.testkit.ContractSuite}) that each backend module subclasses.
 */
package org.rnnbench.core.testkit;
