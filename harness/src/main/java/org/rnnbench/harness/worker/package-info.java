/**
 * What runs inside a worker JVM: the entry point, the job files the parent writes, the progress protocol, the
 * training and measurement of one run unit, and the stack probes of {@code verify}.
 */
package org.rnnbench.harness.worker;
