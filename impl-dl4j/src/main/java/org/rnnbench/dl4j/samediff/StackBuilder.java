package org.rnnbench.dl4j.samediff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * Builds a recurrent stack into a graph: every layer reads the previous one's states as (T*B, .) time-major rows.
 * Unrolled layers compute one input projection for all steps, then per step the recurrent projection and the
 * cell's gates (the equations of {@link org.rnnbench.core.spec.CellType}); fused GRU layers call
 * {@code sd.rnn().gru} once over the sequence, or once per step when each step's state must be named. The minimal
 * cells (gates of x only) take every gate of every step from the one input product and their nonlinearities over
 * all steps at once, then per step the element-wise {@code h_t = a_t * h_{t-1} + b_t}.
 *
 * <p>Steps are cut out of a (T*B, .) variable with {@code SDIndex.interval} rows; {@code SDIndex.point} breaks
 * SameDiff's backprop.
 */
final class StackBuilder {
    private final SameDiff sd;
    private final CellSpec cell;
    private final LayerKind kind;
    private final Map<String, SDVariable> vars;
    private final int batch;
    private final int steps;

    /**
     * What one layer computed.
     *
     * @param sequence  (T*B, H) hidden states of every step
     * @param cells     (T*B, H) cell states of every step (LSTM, when asked), else null
     * @param last      (B, H) hidden state after the last step
     * @param lastCell  (B, H) cell state after the last step (LSTM), else null
     * @param stepStates the hidden state of each step, (B, H) each, or null when the layer has none
     */
    record Layer(SDVariable sequence, SDVariable cells, SDVariable last, SDVariable lastCell,
                 List<SDVariable> stepStates) {
    }

    /**
     * @param vars  the graph's parameter variables by name
     * @param batch B
     * @param steps T
     */
    StackBuilder(SameDiff sd, CellSpec cell, LayerKind kind, Map<String, SDVariable> vars, int batch, int steps) {
        this.sd = sd;
        this.cell = cell;
        this.kind = kind;
        this.vars = vars;
        this.batch = batch;
        this.steps = steps;
    }

    /**
     * Builds every layer.
     *
     * @param prefix     canonical prefix of the stack's parameters ({@code ""} or {@code "decoder."})
     * @param input      (T*B, I) the first layer's input
     * @param h0         initial hidden state of each layer, (B, H)
     * @param c0         initial cell state of each layer (LSTM), else null
     * @param nameTop    true to name the top layer's state of each step {@link Names#top}
     * @param withCells  true to keep the LSTM's cell states of every step
     */
    List<Layer> build(String prefix, SDVariable input, SDVariable[] h0, SDVariable[] c0, boolean nameTop,
                      boolean withCells) {
        List<Layer> layers = new ArrayList<>();
        SDVariable in = input;
        for (int k = 0; k < cell.layers(); k++) {
            boolean top = k == cell.layers() - 1;
            Layer layer = kind == LayerKind.FUSED_GRU
                ? fusedGru(prefix, k, in, h0[k], top && nameTop)
                : !cell.cell().hasRecurrentWeights() ? minimal(prefix, k, in, h0[k], top && nameTop)
                : unrolled(prefix, k, in, h0[k], c0 == null ? null : c0[k], top && nameTop, withCells);
            layers.add(layer);
            in = layer.sequence();
        }
        return layers;
    }

    private Layer unrolled(String prefix, int k, SDVariable in, SDVariable h0, SDVariable c0, boolean name,
                           boolean withCells) {
        SDVariable wIh = vars.get(Names.variable(prefix + ParameterLayout.weightIh(k)));
        SDVariable wHh = vars.get(Names.variable(prefix + ParameterLayout.weightHh(k)));
        SDVariable bIh = vars.get(Names.variable(prefix + ParameterLayout.biasIh(k)));
        SDVariable bHh = vars.get(Names.variable(prefix + ParameterLayout.biasHh(k)));
        boolean gru = cell.cell() == CellType.GRU;
        // in is (T*B, I), wIh is (G*H, I): the input projection of every step at once, (T*B, G*H). Outside the GRU
        // both biases simply add, so b_hh joins b_ih here instead of being added at every step.
        SDVariable projected = Products.timesTransposed(sd, in, (long) steps * batch, wIh, cell.gateRows())
            .add(gru ? bIh : bIh.add(bHh));
        List<SDVariable> hs = new ArrayList<>();
        List<SDVariable> cs = new ArrayList<>();
        SDVariable h = h0;
        SDVariable c = c0;
        for (int t = 0; t < steps; t++) {
            SDVariable gi = rows(projected, t, cell.gateRows());
            // h is (B, H), wHh is (G*H, H): gh is (B, G*H)
            SDVariable gh = Products.timesTransposed(sd, h, batch, wHh, cell.gateRows());
            switch (cell.cell()) {
                case RNN_TANH -> h = sd.math().tanh(gi.add(gh));
                case RNN_RELU -> h = sd.nn().relu(gi.add(gh), 0.0);
                case LSTM -> {
                    SDVariable g = gi.add(gh);
                    SDVariable gates = sd.nn().sigmoid(g); // i, f and o are read from here, block 2 is unused
                    SDVariable n = sd.math().tanh(block(g, 2, 1));
                    c = block(gates, 1, 1).mul(c).add(block(gates, 0, 1).mul(n));
                    h = block(gates, 3, 1).mul(sd.math().tanh(c));
                    cs.add(c);
                }
                case GRU -> {
                    gh = gh.add(bHh);
                    SDVariable rz = sd.nn().sigmoid(block(gi, 0, 2).add(block(gh, 0, 2)));
                    SDVariable r = block(rz, 0, 1);
                    SDVariable z = block(rz, 1, 1);
                    // reset applied after the recurrent matmul: b_hn sits inside r*(.)
                    SDVariable n = sd.math().tanh(block(gi, 2, 1).add(r.mul(block(gh, 2, 1))));
                    h = n.add(z.mul(h.sub(n))); // (1-z)*n + z*h
                }
                default -> throw new IllegalStateException("unhandled cell " + cell.cell());
            }
            if (name) {
                h = h.rename(Names.top(t));
            }
            hs.add(h);
        }
        SDVariable cells = withCells && !cs.isEmpty() ? concat(cs) : null;
        return new Layer(concat(hs), cells, h, c, hs);
    }

    private Layer minimal(String prefix, int k, SDVariable in, SDVariable h0, boolean name) {
        SDVariable wIh = vars.get(Names.variable(prefix + ParameterLayout.weightIh(k)));
        SDVariable bIh = vars.get(Names.variable(prefix + ParameterLayout.biasIh(k)));
        int all = steps * batch;
        // in is (T*B, I), wIh is (G*H, I): every gate of every step, (T*B, G*H); a and b are (T*B, H)
        SDVariable g = Products.timesTransposed(sd, in, all, wIh, cell.gateRows()).add(bIh);
        SDVariable a;
        SDVariable b;
        if (cell.cell() == CellType.MIN_GRU) {
            // blocks [z, h~]: h = (1-z)*h + z*h~
            SDVariable z = sd.nn().sigmoid(columns(g, all, 0));
            a = z.rsub(1.0);
            b = z.mul(columns(g, all, 1));
        } else {
            // blocks [f, i, h~]: u = f/(f+i), h = u*h + (1-u)*h~; u = sigmoid(log f - log i), so that gates far
            // below zero give neither 0/0 nor an underflowing (f+i)^2 in the backward of a division
            a = sd.nn().sigmoid(logSigmoid(columns(g, all, 0)).sub(logSigmoid(columns(g, all, 1))));
            b = a.rsub(1.0).mul(columns(g, all, 2));
        }
        int hidden = cell.hiddenSize();
        List<SDVariable> hs = new ArrayList<>();
        SDVariable h = h0;
        for (int t = 0; t < steps; t++) {
            h = rows(a, t, hidden).mul(h).add(rows(b, t, hidden));
            if (name) {
                h = h.rename(Names.top(t));
            }
            hs.add(h);
        }
        return new Layer(concat(hs), null, h, null, hs);
    }

    // log sigmoid(x) = min(x, 0) - log1p(exp(-|x|)); SameDiff's softplus is log(1 + exp(x)), which overflows to
    // infinity above x = 88 and then gives inf - inf
    private SDVariable logSigmoid(SDVariable x) {
        SDVariable negativePart = sd.nn().relu(x.neg(), 0.0).neg();
        return negativePart.sub(sd.math().log1p(sd.math().exp(sd.math().abs(x).neg())));
    }

    // gate block q of a (rows, G*H) variable
    private SDVariable columns(SDVariable g, int rows, int q) {
        int h = cell.hiddenSize();
        return sd.slice(g, new int[] {0, q * h}, rows, h);
    }

    private Layer fusedGru(String prefix, int k, SDVariable in, SDVariable h0, boolean name) {
        String[] names = SdParameters.fusedNames(prefix, k);
        SDVariable w = vars.get(names[0]);
        SDVariable r = vars.get(names[1]);
        SDVariable b = vars.get(names[2]);
        int width = k == 0 ? cell.inputSize() : cell.hiddenSize();
        int hidden = cell.hiddenSize();
        if (!name) {
            // (T*B, I) rows are time-major, so this is (T, B, I); the op returns (T, B, H)
            SDVariable out = sd.rnn().gru(in.reshape(steps, batch, width), h0, w, r, b);
            SDVariable sequence = out.reshape((long) steps * batch, hidden);
            return new Layer(sequence, null, rows(sequence, steps - 1, hidden), null, null);
        }
        List<SDVariable> hs = new ArrayList<>();
        SDVariable h = h0;
        for (int t = 0; t < steps; t++) {
            SDVariable x = rows(in, t, width).reshape(1, batch, width);
            h = sd.rnn().gru(x, h, w, r, b).reshape(batch, hidden).rename(Names.top(t));
            hs.add(h);
        }
        return new Layer(concat(hs), null, h, null, hs);
    }

    // rows t*B .. (t+1)*B of a (T*B, columns) variable
    private SDVariable rows(SDVariable v, int t, int columns) {
        return sd.slice(v, new int[] {t * batch, 0}, batch, columns);
    }

    // columns q*H .. (q+count)*H of a (B, G*H) variable: gate blocks q .. q+count-1
    private SDVariable block(SDVariable g, int q, int count) {
        int h = cell.hiddenSize();
        return sd.slice(g, new int[] {0, q * h}, batch, count * h);
    }

    private SDVariable concat(List<SDVariable> parts) {
        return parts.size() == 1 ? parts.get(0) : sd.concat(0, parts.toArray(new SDVariable[0]));
    }
}
