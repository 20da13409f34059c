/** Run records: what was run, what was measured, and where (provenance), as JSON lines. */
package org.rnnbench.core.run;
