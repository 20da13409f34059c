package org.rnnbench.dl4j.samediff;

/**
 * The fixed sizes a graph is built for (SameDiff placeholders have fixed shapes here): batch rows, recurrent steps
 * of the (encoder) stack, decoder steps, and whether every step of the top layer is a separate named state (always
 * the case for unrolled layers; for fused GRU layers it means running the op one step at a time).
 *
 * @param batch      B
 * @param steps      recurrent steps of the stack (the encoder's for encoder-decoder)
 * @param outSteps   decoder steps for encoder-decoder, else 0
 * @param namedSteps true when the top layer's state at each step must be available for dL/dh_t
 */
public record GraphShape(int batch, int steps, int outSteps, boolean namedSteps) {
    /** The step count a graph for {@code steps} is built with: exact up to 8, else rounded up to a multiple of 8. */
    public static int bucket(int steps) {
        return steps <= 8 ? steps : (steps + 7) / 8 * 8;
    }
}
