package org.rnnbench.core.testkit;

import org.rnnbench.core.spec.CellType;

/**
 * One time step of each cell, forward and backward side by side, for a batch, in double precision, written as
 * plainly as possible: the equations of {@link CellType} and their derivatives, nothing else. States are
 * {@code double[B][H]}; weights are the flat row-major arrays of {@link LayerWeights}. A backward function takes
 * dL/dh (and dL/dc for LSTM) of the step's output, adds the step's contribution to the weight gradients
 * {@code dw}, and returns dL/dx and the gradients of the previous states.
 */
public final class ReferenceCells {
    private ReferenceCells() {
    }

    /** What one step computed; backward reads it. */
    public sealed interface Step permits RnnStep, LstmStep, GruStep, ReferenceMinCells.MinGruStep,
        ReferenceMinCells.MinLstmStep {
        /** The new hidden state (B, H). */
        double[][] h();

        /** The new cell state (B, H) for LSTM, otherwise null. */
        double[][] c();
    }

    /** Elman step: x (B,I), hPrev (B,H), h (B,H). */
    public record RnnStep(double[][] x, double[][] hPrev, double[][] h) implements Step {
        @Override
        public double[][] c() {
            return null;
        }
    }

    /** LSTM step: the gate activations i, f, g, o and the states, all (B,H) but x (B,I). */
    public record LstmStep(double[][] x, double[][] hPrev, double[][] cPrev, double[][] i, double[][] f,
                           double[][] g, double[][] o, double[][] c, double[][] h) implements Step {
    }

    /** GRU step: gates r, z, candidate n, the recurrent part of n before the reset {@code hn = W_hn h + b_hn}. */
    public record GruStep(double[][] x, double[][] hPrev, double[][] r, double[][] z, double[][] n,
                          double[][] hn, double[][] h) implements Step {
        @Override
        public double[][] c() {
            return null;
        }
    }

    /**
     * The gradients a step sends back.
     *
     * @param dx     dL/dx (B, I)
     * @param dhPrev dL/dh_prev (B, H)
     * @param dcPrev dL/dc_prev (B, H) for LSTM, otherwise null
     */
    public record StepGradient(double[][] dx, double[][] dhPrev, double[][] dcPrev) {
    }

    /** One step of any cell; {@code cPrev} is read by LSTM only. */
    public static Step forward(CellType cell, LayerWeights w, double[][] x, double[][] hPrev, double[][] cPrev) {
        return switch (cell) {
            case RNN_TANH -> rnnForward(false, w, x, hPrev);
            case RNN_RELU -> rnnForward(true, w, x, hPrev);
            case LSTM -> lstmForward(w, x, hPrev, cPrev);
            case GRU -> gruForward(w, x, hPrev);
            case MIN_GRU -> ReferenceMinCells.minGruForward(w, x, hPrev);
            case MIN_LSTM -> ReferenceMinCells.minLstmForward(w, x, hPrev);
        };
    }

    /** The backward of {@link #forward}; {@code dc} is read by LSTM only (null means zero). */
    public static StepGradient backward(CellType cell, LayerWeights w, Step step, double[][] dh, double[][] dc,
                                        LayerWeights dw) {
        return switch (cell) {
            case RNN_TANH -> rnnBackward(false, w, (RnnStep) step, dh, dw);
            case RNN_RELU -> rnnBackward(true, w, (RnnStep) step, dh, dw);
            case LSTM -> lstmBackward(w, (LstmStep) step, dh, dc, dw);
            case GRU -> gruBackward(w, (GruStep) step, dh, dw);
            case MIN_GRU -> ReferenceMinCells.minGruBackward(w, (ReferenceMinCells.MinGruStep) step, dh, dw);
            case MIN_LSTM -> ReferenceMinCells.minLstmBackward(w, (ReferenceMinCells.MinLstmStep) step, dh, dw);
        };
    }

    // ---------------------------------------------------------------- RNN: h = act(W_ih x + b_ih + W_hh h + b_hh)

    /** Elman forward with tanh, or ReLU when {@code relu}. */
    public static RnnStep rnnForward(boolean relu, LayerWeights w, double[][] x, double[][] hPrev) {
        double[][] a = linear(w.wIh(), w.bIh(), x, w.rows(), w.input());
        addInPlace(a, linear(w.wHh(), w.bHh(), hPrev, w.rows(), w.hidden()));
        int batch = x.length;
        double[][] h = new double[batch][w.hidden()];
        // a is (B,H), h is (B,H)
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < w.hidden(); j++) {
                h[b][j] = relu ? Math.max(0, a[b][j]) : Math.tanh(a[b][j]);
            }
        }
        return new RnnStep(x, hPrev, h);
    }

    /** Elman backward: dL/da = dh * act'(a), written with the output (tanh' = 1 - h^2, relu' = [h > 0]). */
    public static StepGradient rnnBackward(boolean relu, LayerWeights w, RnnStep s, double[][] dh, LayerWeights dw) {
        int batch = dh.length;
        double[][] da = new double[batch][w.hidden()];
        // dh, da are (B,H)
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < w.hidden(); j++) {
                double h = s.h()[b][j];
                da[b][j] = dh[b][j] * (relu ? (h > 0 ? 1 : 0) : 1 - h * h);
            }
        }
        double[][] dx = linearBackward(w.wIh(), da, s.x(), dw.wIh(), dw.bIh());
        double[][] dhPrev = linearBackward(w.wHh(), da, s.hPrev(), dw.wHh(), dw.bHh());
        return new StepGradient(dx, dhPrev, null);
    }

    // ---------------------------------------------------------------- LSTM: gates [i, f, g, o]

    /** LSTM forward: c = f*cPrev + i*g, h = o*tanh(c). */
    public static LstmStep lstmForward(LayerWeights w, double[][] x, double[][] hPrev, double[][] cPrev) {
        double[][] a = linear(w.wIh(), w.bIh(), x, w.rows(), w.input());
        addInPlace(a, linear(w.wHh(), w.bHh(), hPrev, w.rows(), w.hidden()));
        int batch = x.length;
        int hidden = w.hidden();
        double[][] i = new double[batch][hidden];
        double[][] f = new double[batch][hidden];
        double[][] g = new double[batch][hidden];
        double[][] o = new double[batch][hidden];
        double[][] c = new double[batch][hidden];
        double[][] h = new double[batch][hidden];
        // a is (B,4H) with blocks [i, f, g, o]; every gate and state is (B,H)
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                i[b][j] = sigmoid(a[b][j]);
                f[b][j] = sigmoid(a[b][hidden + j]);
                g[b][j] = Math.tanh(a[b][2 * hidden + j]);
                o[b][j] = sigmoid(a[b][3 * hidden + j]);
                c[b][j] = f[b][j] * cPrev[b][j] + i[b][j] * g[b][j];
                h[b][j] = o[b][j] * Math.tanh(c[b][j]);
            }
        }
        return new LstmStep(x, hPrev, cPrev, i, f, g, o, c, h);
    }

    /** LSTM backward through h = o*tanh(c) and c = f*cPrev + i*g. */
    public static StepGradient lstmBackward(LayerWeights w, LstmStep s, double[][] dh, double[][] dc,
                                            LayerWeights dw) {
        int batch = dh.length;
        int hidden = w.hidden();
        double[][] da = new double[batch][4 * hidden];
        double[][] dcPrev = new double[batch][hidden];
        // dh, dc, dcPrev are (B,H); da is (B,4H) with blocks [i, f, g, o]
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                double i = s.i()[b][j];
                double f = s.f()[b][j];
                double g = s.g()[b][j];
                double o = s.o()[b][j];
                double tanhC = Math.tanh(s.c()[b][j]);
                double dcTotal = (dc == null ? 0 : dc[b][j]) + dh[b][j] * o * (1 - tanhC * tanhC);
                double dI = dcTotal * g;
                double dF = dcTotal * s.cPrev()[b][j];
                double dG = dcTotal * i;
                double dO = dh[b][j] * tanhC;
                da[b][j] = dI * i * (1 - i);
                da[b][hidden + j] = dF * f * (1 - f);
                da[b][2 * hidden + j] = dG * (1 - g * g);
                da[b][3 * hidden + j] = dO * o * (1 - o);
                dcPrev[b][j] = dcTotal * f;
            }
        }
        double[][] dx = linearBackward(w.wIh(), da, s.x(), dw.wIh(), dw.bIh());
        double[][] dhPrev = linearBackward(w.wHh(), da, s.hPrev(), dw.wHh(), dw.bHh());
        return new StepGradient(dx, dhPrev, dcPrev);
    }

    // ---------------------------------------------------------------- GRU: gates [r, z, n], reset after the matmul

    /** GRU forward: n = tanh(W_in x + b_in + r*(W_hn h + b_hn)), h' = (1-z)*n + z*h. */
    public static GruStep gruForward(LayerWeights w, double[][] x, double[][] hPrev) {
        double[][] ax = linear(w.wIh(), w.bIh(), x, w.rows(), w.input());
        double[][] ah = linear(w.wHh(), w.bHh(), hPrev, w.rows(), w.hidden());
        int batch = x.length;
        int hidden = w.hidden();
        double[][] r = new double[batch][hidden];
        double[][] z = new double[batch][hidden];
        double[][] n = new double[batch][hidden];
        double[][] hn = new double[batch][hidden];
        double[][] h = new double[batch][hidden];
        // ax, ah are (B,3H) with blocks [r, z, n]; gates and states are (B,H)
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                r[b][j] = sigmoid(ax[b][j] + ah[b][j]);
                z[b][j] = sigmoid(ax[b][hidden + j] + ah[b][hidden + j]);
                hn[b][j] = ah[b][2 * hidden + j];
                n[b][j] = Math.tanh(ax[b][2 * hidden + j] + r[b][j] * hn[b][j]);
                h[b][j] = (1 - z[b][j]) * n[b][j] + z[b][j] * hPrev[b][j];
            }
        }
        return new GruStep(x, hPrev, r, z, n, hn, h);
    }

    /** GRU backward; the input and recurrent pre-activations differ only in the n block (the reset). */
    public static StepGradient gruBackward(LayerWeights w, GruStep s, double[][] dh, LayerWeights dw) {
        int batch = dh.length;
        int hidden = w.hidden();
        double[][] dax = new double[batch][3 * hidden];
        double[][] dah = new double[batch][3 * hidden];
        double[][] dhDirect = new double[batch][hidden];
        // dh is (B,H); dax, dah are (B,3H) with blocks [r, z, n]
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                double r = s.r()[b][j];
                double z = s.z()[b][j];
                double n = s.n()[b][j];
                double dN = dh[b][j] * (1 - z);
                double dZ = dh[b][j] * (s.hPrev()[b][j] - n);
                double dAn = dN * (1 - n * n);
                double dR = dAn * s.hn()[b][j];
                double dAr = dR * r * (1 - r);
                double dAz = dZ * z * (1 - z);
                dax[b][j] = dAr;
                dax[b][hidden + j] = dAz;
                dax[b][2 * hidden + j] = dAn;
                dah[b][j] = dAr;
                dah[b][hidden + j] = dAz;
                dah[b][2 * hidden + j] = dAn * r;
                dhDirect[b][j] = dh[b][j] * z;
            }
        }
        double[][] dx = linearBackward(w.wIh(), dax, s.x(), dw.wIh(), dw.bIh());
        double[][] dhPrev = linearBackward(w.wHh(), dah, s.hPrev(), dw.wHh(), dw.bHh());
        addInPlace(dhPrev, dhDirect);
        return new StepGradient(dx, dhPrev, null);
    }

    // ---------------------------------------------------------------- shared pieces

    /** The logistic function. */
    public static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** {@code out = in W^T + bias}: W is (rows, cols), in is (B, cols), out is (B, rows). */
    static double[][] linear(double[] weight, double[] bias, double[][] in, int rows, int cols) {
        int batch = in.length;
        double[][] out = new double[batch][rows];
        // in is (B,cols), weight is (rows,cols), out is (B,rows)
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < rows; r++) {
                double sum = bias[r];
                for (int k = 0; k < cols; k++) {
                    sum += weight[r * cols + k] * in[b][k];
                }
                out[b][r] = sum;
            }
        }
        return out;
    }

    /**
     * The backward of {@link #linear}: {@code dWeight += dOut^T in}, {@code dBias += sum_b dOut}, returns
     * {@code dIn = dOut W}.
     */
    static double[][] linearBackward(double[] weight, double[][] dOut, double[][] in, double[] dWeight,
                                     double[] dBias) {
        int batch = dOut.length;
        int rows = dBias.length;
        int cols = weight.length / rows;
        double[][] dIn = new double[batch][cols];
        // dOut is (B,rows), in and dIn are (B,cols), weight and dWeight are (rows,cols)
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < rows; r++) {
                double d = dOut[b][r];
                dBias[r] += d;
                for (int k = 0; k < cols; k++) {
                    dWeight[r * cols + k] += d * in[b][k];
                    dIn[b][k] += d * weight[r * cols + k];
                }
            }
        }
        return dIn;
    }

    static void addInPlace(double[][] into, double[][] add) {
        for (int b = 0; b < into.length; b++) {
            for (int j = 0; j < into[b].length; j++) {
                into[b][j] += add[b][j];
            }
        }
    }
}
