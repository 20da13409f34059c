package org.rnnbench.core.spec;

/**
 * The parameter update rules, in PyTorch's form, applied after global-norm clipping. {@code g} is the gradient,
 * {@code lr} the learning rate, {@code t} the update count starting at 1.
 *
 * <ul>
 *   <li>{@link #SGD}: {@code p -= lr * g}</li>
 *   <li>{@link #ADAM}: {@code m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2;
 *       p -= lr * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)} with {@code b1 = 0.9, b2 = 0.999, eps = 1e-8}</li>
 *   <li>{@link #RMSPROP}: {@code v = alpha*v + (1-alpha)*g^2; p -= lr * g / (sqrt(v) + eps)} with
 *       {@code alpha = 0.99, eps = 1e-8} (PyTorch's {@code RMSprop} defaults: epsilon outside the root, no momentum,
 *       not centered, {@code v} starting at 0)</li>
 * </ul>
 */
public enum Optimizer {
    /** Plain stochastic gradient descent, no momentum. */
    SGD("sgd"),
    /** Adam with PyTorch's defaults. */
    ADAM("adam"),
    /** RMSprop with PyTorch's defaults (the optimizer of Arjovsky et al. 2016's adding and copy experiments). */
    RMSPROP("rmsprop");

    /** Adam's first-moment decay. */
    public static final double ADAM_BETA1 = 0.9;
    /** Adam's second-moment decay. */
    public static final double ADAM_BETA2 = 0.999;
    /** Adam's epsilon, added to the bias-corrected root of the second moment. */
    public static final double ADAM_EPSILON = 1e-8;
    /** RMSprop's squared-gradient decay (PyTorch's {@code alpha}). */
    public static final double RMSPROP_ALPHA = 0.99;
    /** RMSprop's epsilon, added to the root of the running mean square. */
    public static final double RMSPROP_EPSILON = 1e-8;

    private final String id;

    Optimizer(String id) {
        this.id = id;
    }

    /** Short id, e.g. {@code adam}. */
    public String id() {
        return id;
    }

    /** Parses {@code sgd}, {@code adam} or {@code rmsprop}, naming the known ids on failure. */
    public static Optimizer parse(String text) {
        for (Optimizer o : values()) {
            if (o.id.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + text + "'; known: " + known());
    }

    /** The ids of every optimizer, comma separated: {@code sgd, adam, rmsprop}. */
    public static String known() {
        StringBuilder b = new StringBuilder();
        for (Optimizer o : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(o.id);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
