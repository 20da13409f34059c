/**
 * What is being compared: cell types and their equations, models (encoding, recurrent stack, topology, head,
 * loss) and training settings. Records validate in their constructors.
 */
package org.rnnbench.core.spec;
