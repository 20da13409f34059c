/**
 * A small command line over the library ({@code report}, {@code compare}) for scripts and for use without the
 * harness; the {@code rnnbench} command line of the harness calls the same library.
 */
package org.rnnbench.reports.cli;
