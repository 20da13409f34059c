package org.rnnbench.scratch.net;

import java.util.Arrays;

import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.scratch.parallel.ParallelTask;
import org.rnnbench.scratch.parallel.RangeBody;
import org.rnnbench.scratch.parallel.Slices;
import org.rnnbench.scratch.parallel.WorkerPool;

/**
 * Global-norm clipping and the update rules of {@link Optimizer} (PyTorch's formulas) over the flat parameter and
 * gradient buffers, with Adam's moments in two more buffers of the same layout (RMSprop's mean square in one). Each thread of the pool takes a
 * contiguous slice of the parameters; the squared norm is summed per slice and the slices are added in order.
 */
public final class Updater {
    private static final int ALIGN = 64;
    private final TrainSpec train;
    private final WorkerPool pool;
    private final float[] m;
    private final float[] v;
    private final double[] squares;
    private final NormTask normTask = new NormTask();
    private final RangeBody sgd = this::sgd;
    private final RangeBody adam = this::adam;
    private final RangeBody rmsprop = this::rmsprop;
    private float[] w;
    private float[] dw;
    private float scale;
    private float stepSize;
    private float correction2;
    private int step;

    /** An optimizer for {@code size} parameters, updating on the threads of {@code pool}. */
    public Updater(TrainSpec train, int size, WorkerPool pool) {
        this.train = train;
        this.pool = pool;
        boolean isAdam = train.optimizer() == Optimizer.ADAM;
        this.m = isAdam ? new float[size] : null;
        this.v = isAdam || train.optimizer() == Optimizer.RMSPROP ? new float[size] : null;
        this.squares = new double[pool.threads()];
    }

    /** Forgets the optimizer state: Adam's moments (RMSprop's mean square) and step count. */
    public void reset() {
        step = 0;
        if (m != null) {
            Arrays.fill(m, 0f);
        }
        if (v != null) {
            Arrays.fill(v, 0f);
        }
    }

    /** Clips {@code gradients} to the global norm of the train spec (when set), then updates {@code parameters}. */
    public void apply(float[] parameters, float[] gradients) {
        this.w = parameters;
        this.dw = gradients;
        scale = 1f;
        if (train.clipNorm() > 0) {
            pool.run(normTask);
            double total = 0;
            for (double s : squares) {
                total += s;
            }
            scale = (float) (train.clipNorm() / Math.max(train.clipNorm(), Math.sqrt(total)));
        }
        step++;
        if (train.optimizer() == Optimizer.SGD) {
            pool.forRange(w.length, ALIGN, sgd);
        } else if (train.optimizer() == Optimizer.RMSPROP) {
            pool.forRange(w.length, ALIGN, rmsprop);
        } else {
            stepSize = (float) (train.learningRate() / (1 - Math.pow(Optimizer.ADAM_BETA1, step)));
            correction2 = (float) Math.sqrt(1 - Math.pow(Optimizer.ADAM_BETA2, step));
            pool.forRange(w.length, ALIGN, adam);
        }
        this.w = null;
        this.dw = null;
    }

    private void sgd(int from, int to) {
        float lr = (float) train.learningRate();
        // w and dw are the flat buffers (P); indices [from, to)
        for (int i = from; i < to; i++) {
            w[i] -= lr * (dw[i] * scale);
        }
    }

    private void adam(int from, int to) {
        float b1 = (float) Optimizer.ADAM_BETA1;
        float b2 = (float) Optimizer.ADAM_BETA2;
        float eps = (float) Optimizer.ADAM_EPSILON;
        // w, dw, m and v are the flat buffers (P); indices [from, to)
        for (int i = from; i < to; i++) {
            float g = dw[i] * scale;
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) / correction2 + eps);
        }
    }

    private void rmsprop(int from, int to) {
        float lr = (float) train.learningRate();
        float alpha = (float) Optimizer.RMSPROP_ALPHA;
        float eps = (float) Optimizer.RMSPROP_EPSILON;
        // w, dw and v are the flat buffers (P); indices [from, to)
        for (int i = from; i < to; i++) {
            float g = dw[i] * scale;
            v[i] = alpha * v[i] + (1 - alpha) * g * g;
            w[i] -= lr * g / ((float) Math.sqrt(v[i]) + eps);
        }
    }

    /** The squared gradient norm of each thread's slice. */
    private final class NormTask implements ParallelTask {
        @Override
        public void run(int part, int parts) {
            int from = Slices.start(dw.length, parts, part, ALIGN);
            int to = Slices.end(dw.length, parts, part, ALIGN);
            double s = 0;
            // dw is the flat gradient (P); indices [from, to)
            for (int i = from; i < to; i++) {
                s += (double) dw[i] * dw[i];
            }
            squares[part] = s;
        }
    }
}
