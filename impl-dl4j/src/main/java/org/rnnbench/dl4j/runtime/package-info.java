/**
 * The ND4J process settings the backend depends on: thread counts, silencing SameDiff's unconditional console
 * output, bounding SameDiff's native memory, and the library versions on the class path.
 */
package org.rnnbench.dl4j.runtime;
