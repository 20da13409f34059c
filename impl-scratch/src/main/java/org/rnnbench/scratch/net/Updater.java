package org.rnnbench.scratch.net;

import java.util.Arrays;

import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.TrainSpec;

/**
 * Global-norm clipping and the update rules of {@link Optimizer} (PyTorch's formulas) over the flat parameter and
 * gradient buffers, with Adam's moments in two more buffers of the same layout.
 */
public final class Updater {
    private final TrainSpec train;
    private final float[] m;
    private final float[] v;
    private int step;

    /** An optimizer for {@code size} parameters. */
    public Updater(TrainSpec train, int size) {
        this.train = train;
        boolean adam = train.optimizer() == Optimizer.ADAM;
        this.m = adam ? new float[size] : null;
        this.v = adam ? new float[size] : null;
    }

    /** Forgets the optimizer state: Adam's moments and step count. */
    public void reset() {
        step = 0;
        if (m != null) {
            Arrays.fill(m, 0f);
            Arrays.fill(v, 0f);
        }
    }

    /** Clips {@code dw} to the global norm of the train spec (when set), then updates {@code w}. */
    public void apply(float[] w, float[] dw) {
        float scale = 1f;
        if (train.clipNorm() > 0) {
            double squares = 0;
            // dw is the flat gradient (P)
            for (float g : dw) {
                squares += (double) g * g;
            }
            double norm = Math.sqrt(squares);
            scale = (float) (train.clipNorm() / Math.max(train.clipNorm(), norm));
        }
        step++;
        if (train.optimizer() == Optimizer.SGD) {
            float lr = (float) train.learningRate();
            // w and dw are the flat buffers (P)
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * (dw[i] * scale);
            }
            return;
        }
        float b1 = (float) Optimizer.ADAM_BETA1;
        float b2 = (float) Optimizer.ADAM_BETA2;
        float stepSize = (float) (train.learningRate() / (1 - Math.pow(Optimizer.ADAM_BETA1, step)));
        float correction2 = (float) Math.sqrt(1 - Math.pow(Optimizer.ADAM_BETA2, step));
        float eps = (float) Optimizer.ADAM_EPSILON;
        // w, dw, m and v are the flat buffers (P)
        for (int i = 0; i < w.length; i++) {
            float g = dw[i] * scale;
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) / correction2 + eps);
        }
    }
}
