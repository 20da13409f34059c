package org.rnnbench.core.cost;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * Parameter counts and FLOP formulas. FLOPs count the matrix products only (a multiply-add is 2 FLOPs); the
 * element-wise gate work is small beside them and is left out, as is usual when quoting GFLOP/s.
 *
 * <ul>
 *   <li>canonical parameters of a layer: {@code G*(H*I_k + H*H + 2H)} (two bias vectors, as PyTorch); for the
 *       minimal cells, which have no recurrent weights, {@code G*(H*I_k + H)};</li>
 *   <li>forward FLOPs of one step of one layer: {@code 2*B*G*H*(I_k + H)}; {@code 2*B*G*H*I_k} for the minimal
 *       cells;</li>
 *   <li>head FLOPs per output position: {@code 2*B*O*H};</li>
 *   <li>a train step (forward, backward for inputs and weights) is about 3x the forward FLOPs.</li>
 * </ul>
 */
public final class Costs {
    /** Train FLOPs over forward FLOPs: backward computes two products (inputs and weights) per forward one. */
    public static final int TRAIN_FACTOR = 3;

    private Costs() {
    }

    /** Canonical parameters of one layer of a stack. */
    public static long layerParameters(CellSpec cell, int k) {
        long g = cell.cell().gates();
        long h = cell.hiddenSize();
        if (!cell.cell().hasRecurrentWeights()) {
            return g * (h * cell.layerInputSize(k) + h);
        }
        return g * (h * cell.layerInputSize(k) + h * h + 2 * h);
    }

    /** Canonical parameters of a recurrent stack. */
    public static long parameters(CellSpec cell) {
        long n = 0;
        for (int k = 0; k < cell.layers(); k++) {
            n += layerParameters(cell, k);
        }
        return n;
    }

    /** Canonical parameters of a model (embedding, stacks, head): the size of its {@link ParameterLayout}. */
    public static long parameters(ModelSpec model) {
        return ParameterLayout.of(model).totalSize();
    }

    /** Forward FLOPs of one time step of a stack for a batch of B. */
    public static double stepFlops(CellSpec cell, int batch) {
        double f = 0;
        double gh = (double) cell.cell().gates() * cell.hiddenSize();
        int recurrent = cell.cell().hasRecurrentWeights() ? cell.hiddenSize() : 0;
        for (int k = 0; k < cell.layers(); k++) {
            f += 2.0 * batch * gh * (cell.layerInputSize(k) + recurrent);
        }
        return f;
    }

    /**
     * Forward FLOPs of a model over a batch: recurrent steps plus the head at every output position.
     *
     * @param recurrentSteps steps of the recurrent stacks (encoder plus decoder for encoder-decoder)
     * @param outputSteps    positions the head reads (1 for many-to-one)
     */
    public static double forwardFlops(ModelSpec model, int batch, int recurrentSteps, int outputSteps) {
        return recurrentSteps * stepFlops(model.cellSpec(), batch)
            + 2.0 * batch * outputSteps * model.outputs() * model.hiddenSize();
    }

    /** Approximate FLOPs of one train step: {@link #TRAIN_FACTOR} times the forward FLOPs. */
    public static double trainFlops(ModelSpec model, int batch, int recurrentSteps, int outputSteps) {
        return TRAIN_FACTOR * forwardFlops(model, batch, recurrentSteps, outputSteps);
    }
}
