package org.rnnbench.core.data;

/**
 * A named evaluation metric and its direction.
 *
 * @param name           short name used in result files, e.g. {@code accuracy}
 * @param higherIsBetter true for accuracy-like metrics, false for losses
 */
public record Metric(String name, boolean higherIsBetter) {
    /** The training loss on held-out data (the loss's own definition). */
    public static final Metric LOSS = new Metric("loss", false);
    /** Mean squared error over valid positions and outputs. */
    public static final Metric MSE = new Metric("mse", false);
    /** Fraction of valid positions whose arg-max output is the target class. */
    public static final Metric ACCURACY = new Metric("accuracy", true);
    /** Fraction of sequences with every valid position right. */
    public static final Metric SEQUENCE_ACCURACY = new Metric("sequence_accuracy", true);
    /** Cross-entropy in bits per position (bits per char for a language model). */
    public static final Metric BITS_PER_SYMBOL = new Metric("bits_per_symbol", false);
    /** Negative log-likelihood per step of independent Bernoulli outputs (piano rolls). */
    public static final Metric NLL_PER_STEP = new Metric("nll_per_step", false);

    /** Validates the name. */
    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
    }

    /** True when {@code a} is better than {@code b} under this metric. */
    public boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }
}
