/**
 * Progress on standard error: a bar on a terminal, plain lines otherwise, with an ETA from per-backend speeds.
 */
package org.rnnbench.harness.progress;
