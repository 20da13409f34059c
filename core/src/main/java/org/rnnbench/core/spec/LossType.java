package org.rnnbench.core.spec;

/**
 * The training losses, each a mean over the N valid target positions of a batch (sum of the target lengths;
 * B for one output per sequence). {@code y} is the head's raw output (O values per position).
 *
 * <ul>
 *   <li>{@link #MSE}: {@code L = 1/(N*O) * sum_valid sum_o (y_o - t_o)^2}; targets are O real values.</li>
 *   <li>{@link #SOFTMAX_CE}: {@code L = 1/N * sum_valid -log softmax(y)[k]}; the target is a class index k.</li>
 *   <li>{@link #SIGMOID_BCE}: {@code L = 1/N * sum_valid sum_o [log(1+exp(y_o)) - t_o*y_o]}, the negative
 *       log-likelihood per step of O independent Bernoulli outputs (a piano roll's 88 keys); targets are 0/1.</li>
 * </ul>
 */
public enum LossType {
    /** Mean squared error, averaged over positions and outputs. */
    MSE("mse"),
    /** Softmax cross-entropy in nats, averaged over positions. */
    SOFTMAX_CE("ce"),
    /** Sigmoid binary cross-entropy, summed over outputs, averaged over positions. */
    SIGMOID_BCE("bce");

    private final String id;

    LossType(String id) {
        this.id = id;
    }

    /** Short id used in run names. */
    public String id() {
        return id;
    }

    /** True when targets are class indices rather than real values. */
    public boolean classIndexTargets() {
        return this == SOFTMAX_CE;
    }

    @Override
    public String toString() {
        return id;
    }
}
