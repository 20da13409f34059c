/**
 * Readers of the real data shipped as class-path resources (see the provenance README beside them): CSV with
 * Apache Commons CSV, JSON with Gson, text as strict UTF-8. Each file is read once per JVM and kept; a missing or
 * corrupt file fails with a {@link org.rnnbench.datasets.io.DataFileException} whose one-line message names the
 * file and what is wrong.
 */
package org.rnnbench.datasets.io;
