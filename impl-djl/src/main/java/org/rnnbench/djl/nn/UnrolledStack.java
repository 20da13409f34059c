package org.rnnbench.djl.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * A stack whose cells are built step by step from NDArray operations ({@code linear}, {@code split},
 * {@code sigmoid}, {@code tanh}, {@code relu}, {@code mul}, {@code add}), each its own libtorch call: the per-op
 * counterpart of {@link FusedStack}, on plain parameter arrays of the canonical shapes.
 *
 * <p>Layer by layer: the input part of the gates for all steps in one {@code linear}, cut into steps with one
 * {@code split} (slicing each step separately would make every slice's backward allocate a zero gradient of the
 * whole sequence), then the recurrence one step at a time.
 */
public final class UnrolledStack extends OpStack {

    /** A stack whose parameters (zeros) live in {@code manager}. */
    public UnrolledStack(NDManager manager, CellSpec cell) {
        super(manager, cell);
    }

    @Override
    public StackRun run(NDManager scope, NDArray x, NDArray h0, NDArray c0, long[] lastSteps, boolean probe) {
        int batch = (int) x.getShape().get(0);
        int time = (int) x.getShape().get(1);
        int layers = cell.layers();
        boolean lstm = cell.cell().hasCellState();
        NDArray seq = x;
        NDList hN = new NDList();
        NDList cN = new NDList();
        List<NDArray> probes = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            boolean top = k == layers - 1;
            NDArray wHh = parameters.get(ParameterLayout.weightHh(k));
            NDArray bHh = parameters.get(ParameterLayout.biasHh(k));
            // seq is (B,T,I_k); gx (B,T,GH) split into T pieces (B,1,GH); states (B,H)
            NDList gx = Nd.linear(seq, parameters.get(ParameterLayout.weightIh(k)),
                parameters.get(ParameterLayout.biasIh(k))).split(time, 1);
            CellSteps.State state = new CellSteps.State(h0.get(k), lstm ? c0.get(k) : null);
            NDList hs = new NDList();
            NDList cs = new NDList();
            for (int t = 0; t < time; t++) {
                NDArray gh = Nd.linear(state.h(), wHh, bHh);
                state = CellSteps.step(cell.cell(), gx.get(t).squeeze(1), gh, state);
                if (top && probe) {
                    NDArray p = Nd.zeros(scope, batch, cell.hiddenSize());
                    p.setRequiresGradient(true);
                    probes.add(p);
                    state = new CellSteps.State(state.h().add(p), state.c());
                }
                hs.add(state.h());
                if (lstm) {
                    cs.add(state.c());
                }
            }
            seq = NDArrays.stack(hs, 1);
            hN.add(lastSteps == null ? state.h() : Nd.atSteps(scope, seq, lastSteps).squeeze(1));
            if (lstm) {
                cN.add(lastSteps == null ? state.c() : Nd.atSteps(scope, NDArrays.stack(cs, 1), lastSteps).squeeze(1));
            }
        }
        return new StackRun(seq, NDArrays.stack(hN, 0), lstm ? NDArrays.stack(cN, 0) : null, probes);
    }
}
