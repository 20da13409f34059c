package org.rnnbench.core.spec;

/**
 * How a model is trained.
 *
 * <p>One train step takes one batch: forward, backpropagation through time, global-norm clipping (when
 * {@code clipNorm > 0}, every gradient is scaled by {@code clipNorm / max(clipNorm, ||g||)} where {@code ||g||} is
 * the L2 norm over all parameters), then the optimizer's update.
 *
 * <p>Truncated BPTT ({@code tbptt > 0}, only for {@link Topology#MANY_TO_MANY}): the batch is cut along time into
 * segments of {@code tbptt} steps. Each segment runs forward from the previous segment's final states, computes the
 * loss over its own valid positions (mean over them), backpropagates within the segment only, clips and updates.
 * A segment with no valid position updates nothing. The step returns the mean over all valid positions, i.e. the
 * segment losses weighted by their valid counts.
 *
 * @param optimizer    SGD or Adam
 * @param learningRate lr &gt; 0
 * @param clipNorm     global-norm clipping threshold, 0 for none
 * @param tbptt        truncated BPTT length in steps, 0 for full BPTT
 * @param batchSize    sequences per batch
 * @param steps        train steps of a run
 * @param seed         seed of the run: initial weights and batches derive from it
 */
public record TrainSpec(Optimizer optimizer, double learningRate, double clipNorm, int tbptt, int batchSize,
                        int steps, long seed) {

    /** Validates every field. */
    public TrainSpec {
        Check.present("optimizer", optimizer);
        Check.positive("learning rate", learningRate);
        Check.nonNegative("clip norm", clipNorm);
        Check.nonNegative("truncated BPTT length", tbptt);
        Check.inRange("batch size", batchSize, 1, 1 << 16);
        Check.nonNegative("steps", steps);
    }

    /** Plain SGD without clipping or truncation. */
    public static TrainSpec sgd(double learningRate, int batchSize, int steps, long seed) {
        return new TrainSpec(Optimizer.SGD, learningRate, 0, 0, batchSize, steps, seed);
    }

    /** Adam without clipping or truncation. */
    public static TrainSpec adam(double learningRate, int batchSize, int steps, long seed) {
        return new TrainSpec(Optimizer.ADAM, learningRate, 0, 0, batchSize, steps, seed);
    }

    /** RMSprop without clipping or truncation. */
    public static TrainSpec rmsprop(double learningRate, int batchSize, int steps, long seed) {
        return new TrainSpec(Optimizer.RMSPROP, learningRate, 0, 0, batchSize, steps, seed);
    }

    /** A copy with global-norm clipping at {@code norm}. */
    public TrainSpec withClipNorm(double norm) {
        return new TrainSpec(optimizer, learningRate, norm, tbptt, batchSize, steps, seed);
    }

    /** A copy with truncated BPTT of {@code length} steps. */
    public TrainSpec withTbptt(int length) {
        return new TrainSpec(optimizer, learningRate, clipNorm, length, batchSize, steps, seed);
    }

    /**
     * Why this training cannot apply to {@code model}, or null when it can. Truncated BPTT needs a loss at every
     * step, so it applies to {@link Topology#MANY_TO_MANY} only.
     */
    public String incompatibility(ModelSpec model) {
        if (tbptt > 0 && model.topology() != Topology.MANY_TO_MANY) {
            return "truncated BPTT (length " + tbptt + ") needs the many-to-many topology, the model is "
                + model.topology().id() + "; use tbptt 0";
        }
        return null;
    }
}
