/**
 * The network on NDArrays: recurrent stacks (fused blocks or unrolled cells) holding canonical parameters, input
 * encodings, the topologies' time alignment, the head and the masked losses. Every pass puts its arrays in the
 * caller's scope.
 */
package org.rnnbench.djl.nn;
