/**
 * Result files: the crash-safe append-only JSON lines store ({@code runs.jsonl}), the CSV regenerated from it
 * ({@code runs.csv}), derived scalars, and the results directory with its manifest and lock.
 */
package org.rnnbench.harness.store;
