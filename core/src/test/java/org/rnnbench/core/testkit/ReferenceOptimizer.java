package org.rnnbench.core.testkit;

import java.util.Map;

import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.TrainSpec;

/**
 * Global-norm clipping and the update rules of {@link Optimizer} in double precision, exactly as written there
 * (PyTorch's form): SGD {@code p -= lr*g}; Adam with bias correction and epsilon added to the corrected root;
 * RMSprop with epsilon added to the root of the running mean square.
 */
public final class ReferenceOptimizer {
    private final TrainSpec train;
    private ReferenceWeights m;
    private ReferenceWeights v;
    private int step;

    /** A fresh optimizer (no moments, step count 0). */
    public ReferenceOptimizer(TrainSpec train) {
        this.train = train;
    }

    /** Forgets the Adam moments (RMSprop's mean square) and the step count. */
    public void reset() {
        m = null;
        v = null;
        step = 0;
    }

    /** The number of updates applied since the last reset. */
    public int steps() {
        return step;
    }

    /**
     * Clips {@code grads} in place when the train spec asks for it: every gradient is scaled by
     * {@code clip / max(clip, ||g||)}, the norm taken over all parameters.
     */
    public void clip(ReferenceWeights grads) {
        if (train.clipNorm() > 0) {
            double norm = grads.norm();
            grads.scale(train.clipNorm() / Math.max(train.clipNorm(), norm));
        }
    }

    /** Clips, then applies one update to {@code params}. */
    public void update(ReferenceWeights params, ReferenceWeights grads) {
        clip(grads);
        step++;
        double lr = train.learningRate();
        if (train.optimizer() == Optimizer.SGD) {
            for (Map.Entry<String, double[]> e : params.asMap().entrySet()) {
                double[] p = e.getValue();
                double[] g = grads.get(e.getKey());
                for (int i = 0; i < p.length; i++) {
                    p[i] -= lr * g[i];
                }
            }
            return;
        }
        if (m == null) {
            m = ReferenceWeights.zeros(params.layout());
            v = ReferenceWeights.zeros(params.layout());
        }
        if (train.optimizer() == Optimizer.RMSPROP) {
            rmsprop(params, grads, lr);
            return;
        }
        double b1 = Optimizer.ADAM_BETA1;
        double b2 = Optimizer.ADAM_BETA2;
        double correction1 = 1 - Math.pow(b1, step);
        double correction2 = 1 - Math.pow(b2, step);
        for (Map.Entry<String, double[]> e : params.asMap().entrySet()) {
            double[] p = e.getValue();
            double[] g = grads.get(e.getKey());
            double[] mt = m.get(e.getKey());
            double[] vt = v.get(e.getKey());
            for (int i = 0; i < p.length; i++) {
                mt[i] = b1 * mt[i] + (1 - b1) * g[i];
                vt[i] = b2 * vt[i] + (1 - b2) * g[i] * g[i];
                p[i] -= lr * (mt[i] / correction1) / (Math.sqrt(vt[i] / correction2) + Optimizer.ADAM_EPSILON);
            }
        }
    }

    // v = alpha*v + (1-alpha)*g^2; p -= lr * g / (sqrt(v) + eps)
    private void rmsprop(ReferenceWeights params, ReferenceWeights grads, double lr) {
        double alpha = Optimizer.RMSPROP_ALPHA;
        for (Map.Entry<String, double[]> e : params.asMap().entrySet()) {
            double[] p = e.getValue();
            double[] g = grads.get(e.getKey());
            double[] vt = v.get(e.getKey());
            for (int i = 0; i < p.length; i++) {
                vt[i] = alpha * vt[i] + (1 - alpha) * g[i] * g[i];
                p[i] -= lr * g[i] / (Math.sqrt(vt[i]) + Optimizer.RMSPROP_EPSILON);
            }
        }
    }
}
