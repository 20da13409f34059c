package org.rnnbench.djl.train;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.djl.nn.Nd;

/**
 * Global-norm clipping and the update rules of {@link Optimizer} in PyTorch's form, written with in-place NDArray
 * operations on the parameters.
 *
 * <p>DJL's own optimizers are not used: its Adam adds epsilon to {@code sqrt(v)} before the bias correction
 * ({@code w -= lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)}), so its effective epsilon is
 * {@code eps*sqrt(1-b2^t)} in PyTorch's form; its {@code clipGrad} option clamps each gradient from above only
 * (a one-sided elementwise {@code clamp_max}), not the global norm.
 */
public final class Updater {
    private final TrainSpec train;
    private final NDManager owner;
    private NDManager state;
    private List<NDArray> m;
    private List<NDArray> v;
    private int step;

    /**
     * @param owner the model's manager; Adam's moments live in a sub-manager of it
     */
    public Updater(TrainSpec train, NDManager owner) {
        this.train = train;
        this.owner = owner;
    }

    /** Forgets Adam's moments (RMSprop's mean square) and step count. */
    public void reset() {
        if (state != null) {
            state.close();
        }
        state = null;
        m = null;
        v = null;
        step = 0;
    }

    /**
     * Clips the gradients when the train spec asks for it, then updates the parameters once. The gradients are
     * read, not cleared.
     *
     * @param scope      where the step's temporaries go
     * @param parameters in a fixed order (Adam's moments follow it)
     */
    public void update(NDManager scope, List<NDArray> parameters) {
        List<NDArray> grads = Gradients.of(scope, parameters);
        clip(grads);
        double lr = train.learningRate();
        if (train.optimizer() == Optimizer.SGD) {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).subi(grads.get(i).mul((float) lr));
            }
            return;
        }
        if (state == null) {
            state = owner.newSubManager();
            m = new ArrayList<>();
            v = new ArrayList<>();
            for (NDArray p : parameters) {
                m.add(state.zeros(p.getShape(), Nd.FLOAT));
                v.add(state.zeros(p.getShape(), Nd.FLOAT));
            }
        }
        step++;
        if (train.optimizer() == Optimizer.RMSPROP) {
            rmsprop(scope, parameters, grads, lr);
            return;
        }
        double b1 = Optimizer.ADAM_BETA1;
        double b2 = Optimizer.ADAM_BETA2;
        double correction1 = 1 - Math.pow(b1, step);
        double rootCorrection2 = Math.sqrt(1 - Math.pow(b2, step));
        for (int i = 0; i < parameters.size(); i++) {
            NDArray g = grads.get(i);
            NDArray mi = m.get(i);
            NDArray vi = v.get(i);
            mi.muli((float) b1).addi(g.mul((float) (1 - b1)));
            vi.muli((float) b2).addi(g.square().muli((float) (1 - b2)));
            // p -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)
            NDArray denominator = Nd.scoped(scope, vi.sqrt()).divi((float) rootCorrection2)
                .addi((float) Optimizer.ADAM_EPSILON);
            parameters.get(i).subi(Nd.scoped(scope, mi.div(denominator)).muli((float) (lr / correction1)));
        }
    }

    // v = alpha*v + (1-alpha)*g^2; p -= lr * g / (sqrt(v) + eps)
    private void rmsprop(NDManager scope, List<NDArray> parameters, List<NDArray> grads, double lr) {
        double alpha = Optimizer.RMSPROP_ALPHA;
        for (int i = 0; i < parameters.size(); i++) {
            NDArray g = grads.get(i);
            NDArray vi = v.get(i);
            vi.muli((float) alpha).addi(g.square().muli((float) (1 - alpha)));
            NDArray denominator = Nd.scoped(scope, vi.sqrt()).addi((float) Optimizer.RMSPROP_EPSILON);
            parameters.get(i).subi(Nd.scoped(scope, g.div(denominator)).muli((float) lr));
        }
    }

    // every gradient times clip / max(clip, ||g||), ||g|| over all parameters
    private void clip(List<NDArray> grads) {
        double clip = train.clipNorm();
        if (clip <= 0) {
            return;
        }
        NDList squares = new NDList(grads.size());
        for (NDArray g : grads) {
            squares.add(g.square().sum());
        }
        double norm = Math.sqrt(Nd.scalar(NDArrays.stack(squares).sum()));
        double scale = clip / Math.max(clip, norm);
        if (scale != 1) {
            for (NDArray g : grads) {
                g.muli((float) scale);
            }
        }
    }
}
