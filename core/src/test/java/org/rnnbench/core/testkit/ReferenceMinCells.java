package org.rnnbench.core.testkit;

import static org.rnnbench.core.testkit.ReferenceCells.linear;
import static org.rnnbench.core.testkit.ReferenceCells.linearBackward;
import static org.rnnbench.core.testkit.ReferenceCells.sigmoid;

import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.testkit.ReferenceCells.Step;
import org.rnnbench.core.testkit.ReferenceCells.StepGradient;

/**
 * One time step of the minimal cells ({@link CellType#MIN_GRU}, {@link CellType#MIN_LSTM}), forward and backward,
 * in double precision, as plainly as {@link ReferenceCells}: their gates read x only ({@code W_ih x + b_ih}), so a
 * step's dL/dh_prev is the element-wise share the state update passes back and nothing more.
 */
public final class ReferenceMinCells {
    private ReferenceMinCells() {
    }

    /** minGRU step: gate z and candidate h~ (B,H), the states, x (B,I). */
    public record MinGruStep(double[][] x, double[][] hPrev, double[][] z, double[][] hTilde, double[][] h)
        implements Step {
        @Override
        public double[][] c() {
            return null;
        }
    }

    /** minLSTM step: gates f and i, candidate h~ (B,H), the states, x (B,I). */
    public record MinLstmStep(double[][] x, double[][] hPrev, double[][] f, double[][] i, double[][] hTilde,
                              double[][] h) implements Step {
        @Override
        public double[][] c() {
            return null;
        }
    }

    // ---------------------------------------------------------------- minGRU: rows [z, h~]

    /** minGRU forward: z = sig(W_z x + b_z), h~ = W_h x + b_h, h = (1-z)*hPrev + z*h~. */
    public static MinGruStep minGruForward(LayerWeights w, double[][] x, double[][] hPrev) {
        double[][] a = linear(w.wIh(), w.bIh(), x, w.rows(), w.input());
        int batch = x.length;
        int hidden = w.hidden();
        double[][] z = new double[batch][hidden];
        double[][] hTilde = new double[batch][hidden];
        double[][] h = new double[batch][hidden];
        // a is (B,2H) with blocks [z, h~]; gates and states are (B,H)
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                z[b][j] = sigmoid(a[b][j]);
                hTilde[b][j] = a[b][hidden + j];
                h[b][j] = (1 - z[b][j]) * hPrev[b][j] + z[b][j] * hTilde[b][j];
            }
        }
        return new MinGruStep(x, hPrev, z, hTilde, h);
    }

    /** minGRU backward through h = (1-z)*hPrev + z*h~. */
    public static StepGradient minGruBackward(LayerWeights w, MinGruStep s, double[][] dh, LayerWeights dw) {
        int batch = dh.length;
        int hidden = w.hidden();
        double[][] da = new double[batch][2 * hidden];
        double[][] dhPrev = new double[batch][hidden];
        // dh, dhPrev are (B,H); da is (B,2H) with blocks [z, h~]
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                double z = s.z()[b][j];
                double dZ = dh[b][j] * (s.hTilde()[b][j] - s.hPrev()[b][j]);
                da[b][j] = dZ * z * (1 - z);
                da[b][hidden + j] = dh[b][j] * z;
                dhPrev[b][j] = dh[b][j] * (1 - z);
            }
        }
        double[][] dx = linearBackward(w.wIh(), da, s.x(), dw.wIh(), dw.bIh());
        return new StepGradient(dx, dhPrev, null);
    }

    // ---------------------------------------------------------------- minLSTM: rows [f, i, h~]

    /** minLSTM forward: f, i = sig(.), h~ = W_h x + b_h, h = f/(f+i)*hPrev + i/(f+i)*h~. */
    public static MinLstmStep minLstmForward(LayerWeights w, double[][] x, double[][] hPrev) {
        double[][] a = linear(w.wIh(), w.bIh(), x, w.rows(), w.input());
        int batch = x.length;
        int hidden = w.hidden();
        double[][] f = new double[batch][hidden];
        double[][] i = new double[batch][hidden];
        double[][] hTilde = new double[batch][hidden];
        double[][] h = new double[batch][hidden];
        // a is (B,3H) with blocks [f, i, h~]; gates and states are (B,H)
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                f[b][j] = sigmoid(a[b][j]);
                i[b][j] = sigmoid(a[b][hidden + j]);
                hTilde[b][j] = a[b][2 * hidden + j];
                double sum = f[b][j] + i[b][j];
                h[b][j] = f[b][j] / sum * hPrev[b][j] + i[b][j] / sum * hTilde[b][j];
            }
        }
        return new MinLstmStep(x, hPrev, f, i, hTilde, h);
    }

    /**
     * minLSTM backward. With {@code u = f/(f+i)}: h = u*hPrev + (1-u)*h~, du/df = i/(f+i)^2, du/di = -f/(f+i)^2.
     */
    public static StepGradient minLstmBackward(LayerWeights w, MinLstmStep s, double[][] dh, LayerWeights dw) {
        int batch = dh.length;
        int hidden = w.hidden();
        double[][] da = new double[batch][3 * hidden];
        double[][] dhPrev = new double[batch][hidden];
        // dh, dhPrev are (B,H); da is (B,3H) with blocks [f, i, h~]
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                double f = s.f()[b][j];
                double i = s.i()[b][j];
                double sum = f + i;
                double u = f / sum;
                double dU = dh[b][j] * (s.hPrev()[b][j] - s.hTilde()[b][j]);
                // i/(f+i)^2 * f = u(1-u): no square of a sum that may be tiny
                da[b][j] = dU * u * (1 - u) * (1 - f);
                da[b][hidden + j] = -dU * u * (1 - u) * (1 - i);
                da[b][2 * hidden + j] = dh[b][j] * (1 - u);
                dhPrev[b][j] = dh[b][j] * u;
            }
        }
        double[][] dx = linearBackward(w.wIh(), da, s.x(), dw.wIh(), dw.bIh());
        return new StepGradient(dx, dhPrev, null);
    }
}
