/**
 * The backend SPI: a {@link org.rnnbench.core.backend.Backend} makes
 * {@link org.rnnbench.core.backend.SequenceModel}s that all follow one contract, so that results differ only by
 * implementation.
 */
package org.rnnbench.core.backend;
