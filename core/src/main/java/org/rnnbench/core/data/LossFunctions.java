package org.rnnbench.core.data;

/** The per-position loss terms of {@link org.rnnbench.core.spec.LossType}, in double precision. */
public final class LossFunctions {
    private LossFunctions() {
    }

    /** {@code -log softmax(y)[k]} over {@code y[from .. from+width)}, computed stably. */
    public static double crossEntropy(float[] y, int from, int width, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < width; o++) {
            max = Math.max(max, y[from + o]);
        }
        double sum = 0;
        for (int o = 0; o < width; o++) {
            sum += Math.exp(y[from + o] - max);
        }
        return Math.log(sum) + max - y[from + k];
    }

    /** {@code log(1 + exp(y)) - t*y}, the Bernoulli negative log-likelihood of logit y, computed stably. */
    public static double binaryCrossEntropy(double y, double t) {
        return Math.max(y, 0) + Math.log1p(Math.exp(-Math.abs(y))) - t * y;
    }

    /** The index of the largest of {@code y[from .. from+width)}, the first on ties. */
    public static int argMax(float[] y, int from, int width) {
        int best = 0;
        for (int o = 1; o < width; o++) {
            if (y[from + o] > y[from + best]) {
                best = o;
            }
        }
        return best;
    }
}
