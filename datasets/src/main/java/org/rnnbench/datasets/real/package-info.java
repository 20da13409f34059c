/**
 * Tasks on the real data shipped with the module: Tiny Shakespeare (character language model), JSB Chorales
 * (piano rolls), sunspots and Mauna Loa CO2 (forecasting, CO2 irregularly sampled) and 8x8 digits (row by row,
 * or all at once). Every split is fixed, the evaluation set is the held-out part only and the same for every seed;
 * data is read on first use. Their analytic chance is the chance predictor's score in closed form from the raw
 * statistics of the held-out part (character counts, key counts, differences of the series), computed without
 * batching, except for the balanced digits where it is 1/10.
 */
package org.rnnbench.datasets.real;
