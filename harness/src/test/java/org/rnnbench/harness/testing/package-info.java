/** Test helpers: backends with deliberate faults and a way to run the command line in-process or as a process. */
package org.rnnbench.harness.testing;
