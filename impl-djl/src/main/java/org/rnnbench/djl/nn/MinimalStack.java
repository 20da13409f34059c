package org.rnnbench.djl.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * A stack of the minimal cells ({@link CellType#MIN_GRU}, {@link CellType#MIN_LSTM}), whose gates read x only,
 * from NDArray operations (libtorch has no fused kernel for them, so both DJL backends run this). Parameters
 * {@code weight_ih_l{k}} and {@code bias_ih_l{k}} only.
 *
 * <p>Layer by layer: every gate of every step in one {@code linear} (B, T, G*H), the gate nonlinearities over all
 * steps at once, written as the coefficients of {@code h_t = a_t * h_{t-1} + b_t}:
 * minGRU {@code a = 1 - z}, {@code b = z * h~}; minLSTM {@code a = f/(f+i)}, {@code b = (1 - a) * h~}, the ratio
 * taken in log space ({@code sigmoid(log f - log i)}) so that saturated gates stay finite. Then the
 * element-wise recurrence one step at a time (a {@code mul} and an {@code add}), on steps cut with one
 * {@code split} as in {@link UnrolledStack}.
 */
public final class MinimalStack extends OpStack {

    /** A stack whose parameters (zeros) live in {@code manager}. */
    public MinimalStack(NDManager manager, CellSpec cell) {
        super(manager, checked(cell));
    }

    private static CellSpec checked(CellSpec cell) {
        if (cell.cell().hasRecurrentWeights()) {
            throw new IllegalArgumentException("MinimalStack runs min-gru and min-lstm, not " + cell.cell().id());
        }
        return cell;
    }

    @Override
    public StackRun run(NDManager scope, NDArray x, NDArray h0, NDArray c0, long[] lastSteps, boolean probe) {
        int batch = (int) x.getShape().get(0);
        int time = (int) x.getShape().get(1);
        int layers = cell.layers();
        NDArray seq = x;
        NDList hN = new NDList();
        List<NDArray> probes = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            boolean top = k == layers - 1;
            // seq is (B,T,I_k); gates (B,T,G*H); a and b (B,T,H) split into T pieces (B,1,H); h (B,H)
            NDArray gates = Nd.linear(seq, parameters.get(ParameterLayout.weightIh(k)),
                parameters.get(ParameterLayout.biasIh(k)));
            NDList ab = coefficients(gates);
            NDList a = ab.get(0).split(time, 1);
            NDList b = ab.get(1).split(time, 1);
            NDArray h = h0.get(k);
            NDList hs = new NDList();
            for (int t = 0; t < time; t++) {
                h = a.get(t).squeeze(1).mul(h).add(b.get(t).squeeze(1));
                if (top && probe) {
                    NDArray p = Nd.zeros(scope, batch, cell.hiddenSize());
                    p.setRequiresGradient(true);
                    probes.add(p);
                    h = h.add(p);
                }
                hs.add(h);
            }
            seq = NDArrays.stack(hs, 1);
            hN.add(lastSteps == null ? h : Nd.atSteps(scope, seq, lastSteps).squeeze(1));
        }
        return new StackRun(seq, NDArrays.stack(hN, 0), null, probes);
    }

    // gates (B,T,G*H) -> [a, b], each (B,T,H), with h_t = a_t * h_{t-1} + b_t
    private NDList coefficients(NDArray gates) {
        if (cell.cell() == CellType.MIN_GRU) {
            // blocks [z, h~]: h = (1-z)*h + z*h~
            NDList q = gates.split(2, 2);
            NDArray z = Activation.sigmoid(q.get(0));
            return new NDList(z.neg().add(1f), z.mul(q.get(1)));
        }
        // blocks [f, i, h~]: u = f/(f+i), h = u*h + (1-u)*h~; u = sigmoid(log f - log i) with
        // log sigmoid(a) = -softplus(-a), so that gates far below zero give neither 0/0 nor an underflowing
        // (f+i)^2 in the backward of a division
        NDList q = gates.split(3, 2);
        NDArray logF = Activation.softPlus(q.get(0).neg()).neg();
        NDArray u = Activation.sigmoid(logF.add(Activation.softPlus(q.get(1).neg())));
        return new NDList(u, u.neg().add(1f).mul(q.get(2)));
    }
}
