/**
 * Synthetic tasks generated from (seed, step): the long-range workhorses (adding, copy memory, temporal order,
 * parity), encoder-decoder transcription (reversal, sorting), one-to-many sine generation, and the lecture's other
 * kinds of sequence (DNA with a planted motif, irregularly sampled multivariate sines, event sequences).
 */
package org.rnnbench.datasets.synthetic;
