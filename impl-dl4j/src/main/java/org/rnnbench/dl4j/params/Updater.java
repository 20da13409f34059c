package org.rnnbench.dl4j.params;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.TrainSpec;

/**
 * Global-norm clipping and PyTorch's SGD, Adam and RMSprop ({@link Optimizer}), applied with ND4J ops to native arrays in
 * place. DL4J's own updaters are not used: its {@code Adam} adds epsilon to the uncorrected {@code sqrt(v)} (not
 * PyTorch's form), and its {@code GradientNormalization.ClipL2PerLayer} clips each layer by its own norm; there is no
 * global-norm option. Its {@code RmsProp} is not used either, so that every rule has one implementation here.
 *
 * <p>A folded bias ({@link NativeTensor#copies()} = 2) stands for {@code b_ih + b_hh}: its squared gradient norm
 * counts twice in the global norm, and its update is doubled, so that the sum moves exactly as PyTorch's two
 * biases would.
 */
public final class Updater {
    private final TrainSpec train;
    private final Map<String, INDArray> m = new HashMap<>();
    private final Map<String, INDArray> v = new HashMap<>();
    private int step;

    /** A fresh optimizer for {@code train}'s optimizer, learning rate and clipping. */
    public Updater(TrainSpec train) {
        this.train = train;
    }

    /** Forgets Adam's moments (RMSprop's mean square) and the step count. */
    public void reset() {
        m.clear();
        v.clear();
        step = 0;
    }

    /** Updates applied since the last reset. */
    public int steps() {
        return step;
    }

    /**
     * Clips (when the train spec asks) and applies one update.
     *
     * @param params    the parameters to update in place
     * @param gradients dL/dp by native name (a missing one is zero)
     */
    public void apply(List<NativeTensor> params, Map<String, INDArray> gradients) {
        double coef = 1.0;
        if (train.clipNorm() > 0) {
            double sq = 0;
            for (NativeTensor p : params) {
                INDArray g = gradients.get(p.name());
                double n = g == null ? 0 : g.norm2Number().doubleValue();
                sq += p.copies() * n * n;
            }
            coef = train.clipNorm() / Math.max(train.clipNorm(), Math.sqrt(sq));
        }
        step++;
        double lr = train.learningRate();
        // temporaries are closed at once: outside a workspace their native memory would wait for the collector
        if (train.optimizer() == Optimizer.SGD) {
            for (NativeTensor p : params) {
                INDArray delta = gradient(gradients, p).mul(lr * coef * p.copies());
                p.array().subi(delta);
                delta.close();
            }
            return;
        }
        if (train.optimizer() == Optimizer.RMSPROP) {
            rmsprop(params, gradients, lr, coef);
            return;
        }
        double b1 = Optimizer.ADAM_BETA1;
        double b2 = Optimizer.ADAM_BETA2;
        double correction1 = 1 - Math.pow(b1, step);
        double correction2 = 1 - Math.pow(b2, step);
        for (NativeTensor p : params) {
            INDArray g = gradient(gradients, p).mul(coef);
            INDArray mt = m.computeIfAbsent(p.name(), k -> p.array().ulike().assign(0));
            INDArray vt = v.computeIfAbsent(p.name(), k -> p.array().ulike().assign(0));
            // shapes of m, v, g and p agree: the native array's own shape
            mt.muli(b1);
            vt.muli(b2);
            INDArray scaled = g.mul(1 - b1);
            mt.addi(scaled);
            g.muli(g).muli(1 - b2);
            vt.addi(g);
            INDArray denominator = Transforms.sqrt(vt.div(correction2), false).addi(Optimizer.ADAM_EPSILON);
            INDArray delta = mt.div(denominator).muli(lr * p.copies() / correction1);
            p.array().subi(delta);
            for (INDArray a : new INDArray[] {g, scaled, denominator, delta}) {
                a.close();
            }
        }
    }

    // v = alpha*v + (1-alpha)*g^2; p -= lr * copies * g / (sqrt(v) + eps)
    private void rmsprop(List<NativeTensor> params, Map<String, INDArray> gradients, double lr, double coef) {
        double alpha = Optimizer.RMSPROP_ALPHA;
        for (NativeTensor p : params) {
            INDArray g = gradient(gradients, p).mul(coef);
            INDArray vt = v.computeIfAbsent(p.name(), k -> p.array().ulike().assign(0));
            vt.muli(alpha);
            INDArray square = g.mul(g).muli(1 - alpha);
            vt.addi(square);
            INDArray denominator = Transforms.sqrt(vt, true).addi(Optimizer.RMSPROP_EPSILON);
            INDArray delta = g.divi(denominator).muli(lr * p.copies());
            p.array().subi(delta);
            for (INDArray a : new INDArray[] {square, denominator}) {
                a.close();
            }
            delta.close();
        }
    }

    // the gradient in the parameter's own shape; zero when the loss does not depend on the parameter
    private static INDArray gradient(Map<String, INDArray> gradients, NativeTensor p) {
        INDArray g = gradients.get(p.name());
        if (g == null) {
            return p.array().ulike().assign(0);
        }
        return g.equalShapes(p.array()) ? g : g.reshape(p.array().shape());
    }
}
