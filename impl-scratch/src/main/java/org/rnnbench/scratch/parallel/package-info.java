/**
 * Threads of the scratch backend: a small fixed pool created and closed with each model, tasks split into parts
 * by a deterministic partition, and a barrier for the time loops, so that results never depend on scheduling.
 */
package org.rnnbench.scratch.parallel;
