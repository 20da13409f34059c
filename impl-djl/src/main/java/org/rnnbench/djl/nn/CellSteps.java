package org.rnnbench.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import org.rnnbench.core.spec.CellType;

/**
 * One step of each cell from NDArray operations, in the equations of {@link CellType}. The caller gives the two
 * affine parts of the gates: {@code gx = W_ih x + b_ih} and {@code gh = W_hh h + b_hh}, each (B, G*H) with the
 * gate blocks in canonical order.
 */
final class CellSteps {
    private CellSteps() {
    }

    /**
     * The states after one step.
     *
     * @param h (B, H) hidden state
     * @param c (B, H) cell state for LSTM, otherwise null
     */
    record State(NDArray h, NDArray c) {
    }

    /** h' (and c') from the gate parts and the previous state. */
    static State step(CellType cell, NDArray gx, NDArray gh, State previous) {
        return switch (cell) {
            case RNN_TANH -> new State(gx.add(gh).tanh(), null);
            case RNN_RELU -> new State(Activation.relu(gx.add(gh)), null);
            case LSTM -> lstm(gx.add(gh), previous.c());
            case GRU -> gru(gx, gh, previous.h());
            case MIN_GRU, MIN_LSTM -> throw new IllegalArgumentException(cell.id() + " has no recurrent part; it runs"
                + " on MinimalStack");
        };
    }

    // gates (B,4H) = [i, f, g, o]; c' = f*c + i*g; h' = o*tanh(c')
    private static State lstm(NDArray gates, NDArray c) {
        NDList q = gates.split(4, 1);
        NDArray i = Activation.sigmoid(q.get(0));
        NDArray f = Activation.sigmoid(q.get(1));
        NDArray g = q.get(2).tanh();
        NDArray o = Activation.sigmoid(q.get(3));
        NDArray cNext = f.mul(c).add(i.mul(g));
        return new State(o.mul(cNext.tanh()), cNext);
    }

    // gx, gh (B,3H) = [r, z, n]; n = tanh(x_n + r*h_n); h' = (1-z)*n + z*h = n + z*(h-n)
    private static State gru(NDArray gx, NDArray gh, NDArray h) {
        NDList x = gx.split(3, 1);
        NDList r3 = gh.split(3, 1);
        NDArray r = Activation.sigmoid(x.get(0).add(r3.get(0)));
        NDArray z = Activation.sigmoid(x.get(1).add(r3.get(1)));
        NDArray n = x.get(2).add(r.mul(r3.get(2))).tanh();
        return new State(n.add(z.mul(h.sub(n))), null);
    }
}
