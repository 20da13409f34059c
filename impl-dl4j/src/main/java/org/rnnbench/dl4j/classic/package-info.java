/**
 * Models on DL4J's classic {@code MultiLayerNetwork} with {@code SimpleRnn} and {@code LSTM} layers, the path a
 * DL4J user takes, for RNN_TANH, RNN_RELU and LSTM on one-to-one, one-to-many, many-to-one and many-to-many
 * without truncated BPTT. Losses on logits, canonical loss scaling and a PyTorch-exact optimizer replace DL4J's
 * defaults where those differ from the contract.
 */
package org.rnnbench.dl4j.classic;
