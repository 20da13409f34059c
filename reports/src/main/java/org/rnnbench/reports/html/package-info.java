/**
 * The one-file HTML report: inline CSS, PNG plots embedded as {@code data:} URIs, no link or script from the
 * network, and a small inline script that checks on load that every image decoded and every table is present.
 */
package org.rnnbench.reports.html;
