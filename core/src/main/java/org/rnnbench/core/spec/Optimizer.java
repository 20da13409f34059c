package org.rnnbench.core.spec;

/**
 * The parameter update rules, in PyTorch's form, applied after global-norm clipping. {@code g} is the gradient,
 * {@code lr} the learning rate, {@code t} the update count starting at 1.
 *
 * <ul>
 *   <li>{@link #SGD}: {@code p -= lr * g}</li>
 *   <li>{@link #ADAM}: {@code m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2;
 *       p -= lr * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)} with {@code b1 = 0.9, b2 = 0.999, eps = 1e-8}</li>
 * </ul>
 */
public enum Optimizer {
    /** Plain stochastic gradient descent, no momentum. */
    SGD("sgd"),
    /** Adam with PyTorch's defaults. */
    ADAM("adam");

    /** Adam's first-moment decay. */
    public static final double ADAM_BETA1 = 0.9;
    /** Adam's second-moment decay. */
    public static final double ADAM_BETA2 = 0.999;
    /** Adam's epsilon, added to the bias-corrected root of the second moment. */
    public static final double ADAM_EPSILON = 1e-8;

    private final String id;

    Optimizer(String id) {
        this.id = id;
    }

    /** Short id, e.g. {@code adam}. */
    public String id() {
        return id;
    }

    /** Parses {@code sgd} or {@code adam}, naming the known ids on failure. */
    public static Optimizer parse(String text) {
        for (Optimizer o : values()) {
            if (o.id.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + text + "'; known: sgd, adam");
    }

    @Override
    public String toString() {
        return id;
    }
}
