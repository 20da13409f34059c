/**
 * Worker JVMs: the command line, environment and system properties that give each backend its thread settings
 * before natives load, and the running process with its protocol reader.
 */
package org.rnnbench.harness.fork;
