package org.rnnbench.datasets.base;

/**
 * One example of a task: its input sequence, for encoder-decoder the decoder's input, and its target.
 *
 * @param input        the input sequence
 * @param decoderInput the decoder input (a start token, then the target shifted right), or null
 * @param target       the target: one step for one output per sequence
 */
public record Example(Track input, Track decoderInput, Track target) {

    /** Checks that the parts are present and the decoder input is as long as the target. */
    public Example {
        if (input == null || target == null) {
            throw new IllegalArgumentException("an example needs an input and a target");
        }
        if (decoderInput != null && decoderInput.length() != target.length()) {
            throw new IllegalArgumentException("the decoder input has " + decoderInput.length()
                + " steps, the target " + target.length() + "; they must be equal");
        }
    }

    /** An example without a decoder input. */
    public Example(Track input, Track target) {
        this(input, null, target);
    }

    /** A 64-bit hash of the whole example, to compare examples across training and evaluation. */
    public long contentHash() {
        long h = Seeds.mix(input.contentHash(), target.contentHash());
        return decoderInput == null ? h : Seeds.mix(h, decoderInput.contentHash());
    }
}
