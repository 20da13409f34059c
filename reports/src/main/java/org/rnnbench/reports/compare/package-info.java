/**
 * The regression gate: a current results directory judged against a baseline, unit by unit (matched by run id)
 * and backend by backend, with noise-aware verdicts on step time, the primary metric and the run status, a
 * Markdown summary fit for a CI comment and an exit code (1 on a regression, 0 otherwise, 2 on bad input).
 */
package org.rnnbench.reports.compare;
