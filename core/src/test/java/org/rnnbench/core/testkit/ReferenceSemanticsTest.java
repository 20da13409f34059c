package org.rnnbench.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;

/**
 * The reference's forward semantics against hand computations on scalar models (H = 1, I = 1), where every
 * number can be followed with a pocket calculator: which steps the head reads, what one-to-many feeds after step
 * 0, how the decoder starts, how the losses are normalised. Finite differences cannot see these: they only check
 * that gradients agree with whatever the forward does.
 */
class ReferenceSemanticsTest {
    static final double EPS = 1e-12;

    /** Scalar tanh RNN: h' = tanh(0.5 x + 0.1 - 0.3 h + 0.05); head y = 2 h - 1. */
    static ReferenceWeights scalarRnn(ModelSpec spec) {
        ReferenceWeights w = ReferenceWeights.zeros(ParameterLayout.of(spec));
        set(w, "", 0.5, -0.3, 0.1, 0.05);
        if (spec.hasDecoder()) {
            set(w, ParameterLayout.DECODER, -0.2, 0.4, 0.0, 0.1);
        }
        w.get(ParameterLayout.HEAD_WEIGHT)[0] = 2;
        w.get(ParameterLayout.HEAD_BIAS)[0] = -1;
        return w;
    }

    static void set(ReferenceWeights w, String prefix, double wIh, double wHh, double bIh, double bHh) {
        w.get(prefix + "weight_ih_l0")[0] = wIh;
        w.get(prefix + "weight_hh_l0")[0] = wHh;
        w.get(prefix + "bias_ih_l0")[0] = bIh;
        w.get(prefix + "bias_hh_l0")[0] = bHh;
    }

    static double enc(double x, double h) {
        return Math.tanh(0.5 * x + 0.1 - 0.3 * h + 0.05);
    }

    static double dec(double x, double h) {
        return Math.tanh(-0.2 * x + 0.0 + 0.4 * h + 0.1);
    }

    static ModelSpec scalar(Topology topology, InputEncoding encoding) {
        return new ModelSpec(encoding, CellType.RNN_TANH, 1, 1, topology, 1, LossType.MSE);
    }

    @Test
    void manyToOneReadsEachSequencesLastValidStepAndIgnoresPadding() {
        ModelSpec spec = scalar(Topology.MANY_TO_ONE, new InputEncoding.Dense(1));
        Sequences in = Sequences.dense(2, 3, 1, new float[] {1, -1, 0.5f, 0.2f, 9, 9}, new int[] {3, 1});
        Sequences target = Sequences.dense(2, 1, 1, new float[] {0.3f, -0.2f});
        ReferencePass pass = new ReferenceNetwork(spec).forward(scalarRnn(spec), new Batch(in, target));
        double h3 = enc(0.5f, enc(-1, enc(1, 0)));
        double y0 = 2 * h3 - 1;
        double y1 = 2 * enc(0.2f, 0) - 1;
        assertEquals(y0, pass.outputs()[0][0][0], EPS);
        assertEquals(y1, pass.outputs()[1][0][0], EPS);
        double expected = (Math.pow(y0 - 0.3f, 2) + Math.pow(y1 + 0.2f, 2)) / 2;
        assertEquals(expected, pass.loss(), EPS);
    }

    @Test
    void oneToManyFeedsTheInputAtStepZeroAndZeroVectorsAfterEncoding() {
        ModelSpec spec = scalar(Topology.ONE_TO_MANY, new InputEncoding.Embedding(3, 1));
        ReferenceWeights w = scalarRnn(spec);
        System.arraycopy(new double[] {0.7, -0.4, 2.0}, 0, w.get(ParameterLayout.EMBEDDING), 0, 3);
        Sequences in = Sequences.ids(1, 1, 3, new int[] {2});
        Sequences target = Sequences.dense(1, 3, 1, new float[] {0, 0, 0});
        ReferencePass pass = new ReferenceNetwork(spec).forward(w, new Batch(in, target));
        double h1 = enc(2.0, 0);
        double h2 = enc(0, h1); // a zero vector, not the embedding of token 0 (0.7)
        double h3 = enc(0, h2);
        assertEquals(2 * h1 - 1, pass.outputs()[0][0][0], EPS);
        assertEquals(2 * h2 - 1, pass.outputs()[0][1][0], EPS);
        assertEquals(2 * h3 - 1, pass.outputs()[0][2][0], EPS);
    }

    @Test
    void manyToManyMasksTheLossWithTheTargetLengths() {
        ModelSpec spec = scalar(Topology.MANY_TO_MANY, new InputEncoding.Dense(1));
        Sequences in = Sequences.dense(2, 2, 1, new float[] {1, -1, 0.2f, 0.4f}, new int[] {2, 1});
        Sequences target = Sequences.dense(2, 2, 1, new float[] {0.1f, 0.2f, 0.3f, 5f}, new int[] {2, 1});
        ReferencePass pass = new ReferenceNetwork(spec).forward(scalarRnn(spec), new Batch(in, target));
        double a = 2 * enc(1, 0) - 1;
        double b = 2 * enc(-1, enc(1, 0)) - 1;
        double c = 2 * enc(0.2f, 0) - 1;
        double expected = (Math.pow(a - 0.1f, 2) + Math.pow(b - 0.2f, 2) + Math.pow(c - 0.3f, 2)) / 3;
        assertEquals(expected, pass.loss(), EPS);
    }

    @Test
    void encoderDecoderStartsTheDecoderFromTheEncoderStateAtTheLastValidStep() {
        ModelSpec spec = scalar(Topology.SEQ_TO_SEQ, new InputEncoding.Dense(1));
        Sequences in = Sequences.dense(2, 3, 1, new float[] {1, -1, 0.5f, 0.2f, 9, 9}, new int[] {3, 1});
        Sequences decIn = Sequences.dense(2, 2, 1, new float[] {0.3f, 0.6f, -0.5f, 0.1f});
        Sequences target = Sequences.dense(2, 2, 1, new float[] {0, 0, 0, 0});
        ReferencePass pass = new ReferenceNetwork(spec).forward(scalarRnn(spec), new Batch(in, decIn, target));
        double e0 = enc(0.5f, enc(-1, enc(1, 0)));
        double e1 = enc(0.2f, 0);
        double d00 = dec(0.3f, e0);
        double d01 = dec(0.6f, d00);
        double d10 = dec(-0.5f, e1);
        double d11 = dec(0.1f, d10);
        assertEquals(2 * d00 - 1, pass.outputs()[0][0][0], EPS);
        assertEquals(2 * d01 - 1, pass.outputs()[0][1][0], EPS);
        assertEquals(2 * d10 - 1, pass.outputs()[1][0][0], EPS);
        assertEquals(2 * d11 - 1, pass.outputs()[1][1][0], EPS);
    }

    @Test
    void lstmEncoderHandsBothHiddenAndCellStateToTheDecoder() {
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(1), CellType.LSTM, 1, 1, Topology.SEQ_TO_SEQ, 1,
            LossType.MSE);
        ReferenceWeights w = ReferenceWeights.zeros(ParameterLayout.of(spec));
        double[] enc = {0.3, -0.2, 0.5, 0.1, 0.4, 0.3, -0.6, 0.2, 0.1, 0.0, 0.2, -0.1, 0.05, 0.1, 0.0, 0.2};
        double[] dec = {-0.4, 0.6, 0.2, 0.3, 0.1, -0.5, 0.4, 0.1, 0.0, 0.2, -0.1, 0.1, 0.1, 0.0, 0.3, 0.0};
        fillLstm(w, "", enc);
        fillLstm(w, ParameterLayout.DECODER, dec);
        w.get(ParameterLayout.HEAD_WEIGHT)[0] = 1;
        Sequences in = Sequences.dense(1, 2, 1, new float[] {1, -2});
        Sequences decIn = Sequences.dense(1, 1, 1, new float[] {0.5f});
        Sequences target = Sequences.dense(1, 1, 1, new float[] {0});
        ReferencePass pass = new ReferenceNetwork(spec).forward(w, new Batch(in, decIn, target));
        double[] s = scalarLstm(enc, 1, 0, 0);
        s = scalarLstm(enc, -2, s[0], s[1]);
        s = scalarLstm(dec, 0.5, s[0], s[1]);
        assertEquals(s[0], pass.outputs()[0][0][0], EPS);
    }

    // p = [W_ii, W_if, W_ig, W_io, W_hi, W_hf, W_hg, W_ho, b_ii, ..., b_hi, ...]
    static void fillLstm(ReferenceWeights w, String prefix, double[] p) {
        System.arraycopy(p, 0, w.get(prefix + "weight_ih_l0"), 0, 4);
        System.arraycopy(p, 4, w.get(prefix + "weight_hh_l0"), 0, 4);
        System.arraycopy(p, 8, w.get(prefix + "bias_ih_l0"), 0, 4);
        System.arraycopy(p, 12, w.get(prefix + "bias_hh_l0"), 0, 4);
    }

    /** {h, c} after one scalar LSTM step, written out gate by gate. */
    static double[] scalarLstm(double[] p, double x, double h, double c) {
        double i = sig(p[0] * x + p[4] * h + p[8] + p[12]);
        double f = sig(p[1] * x + p[5] * h + p[9] + p[13]);
        double g = Math.tanh(p[2] * x + p[6] * h + p[10] + p[14]);
        double o = sig(p[3] * x + p[7] * h + p[11] + p[15]);
        double c2 = f * c + i * g;
        return new double[] {o * Math.tanh(c2), c2};
    }

    static double sig(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Test
    void lossesAreMeansOverValidPositionsAsLossTypeDefinesThem() {
        double[][][] y = {{{0.5, -1}, {2, 0}}, {{1, 1}, {-3, 4}}};
        // MSE: lengths (2, 1), N = 3, O = 2
        Sequences t = Sequences.dense(2, 2, 2, new float[] {0, 0, 1, 1, 0.5f, 0, 9, 9}, new int[] {2, 1});
        double mse = (0.25 + 1 + 1 + 1 + 0.25 + 1) / 6;
        assertEquals(mse, ReferenceLoss.evaluate(LossType.MSE, y, t, 0, 2).loss(), EPS);
        // CE: lengths (1, 2), N = 3
        Sequences k = Sequences.ids(2, 2, 2, new int[] {1, 0, 0, 1}, new int[] {1, 2});
        double ce = (Math.log(Math.exp(0.5) + Math.exp(-1)) + 1 + Math.log(2 * Math.E) - 1
            + Math.log(Math.exp(-3) + Math.exp(4)) - 4) / 3;
        assertEquals(ce, ReferenceLoss.evaluate(LossType.SOFTMAX_CE, y, k, 0, 2).loss(), EPS);
        // BCE: lengths (2, 0), N = 2, summed over outputs
        Sequences bits = Sequences.dense(2, 2, 2, new float[] {1, 0, 0, 1, 1, 1, 1, 1}, new int[] {2, 0});
        double bce = (Math.log1p(Math.exp(0.5)) - 0.5 + Math.log1p(Math.exp(-1))
            + Math.log1p(Math.exp(2)) + Math.log1p(Math.exp(0))) / 2;
        assertEquals(bce, ReferenceLoss.evaluate(LossType.SIGMOID_BCE, y, bits, 0, 2).loss(), EPS);
        assertEquals(0.0, ReferenceLoss.evaluate(LossType.MSE, y, t.withLengths(new int[] {0, 0}), 0, 2).loss());
    }

    @Test
    void scalarRnnReluClampsNegativePreActivations() {
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(1), CellType.RNN_RELU, 1, 1, Topology.MANY_TO_MANY,
            1, LossType.MSE);
        ReferenceWeights w = scalarRnn(spec);
        Sequences in = Sequences.dense(1, 2, 1, new float[] {-2, 3});
        ReferencePass pass = new ReferenceNetwork(spec).forward(w, new Batch(in,
            Sequences.dense(1, 2, 1, new float[] {0, 0})));
        double h1 = Math.max(0, 0.5 * -2 + 0.15); // 0
        double h2 = Math.max(0, 0.5 * 3 + 0.15 - 0.3 * h1);
        assertArrayEquals(new double[] {2 * h1 - 1, 2 * h2 - 1},
            new double[] {pass.outputs()[0][0][0], pass.outputs()[0][1][0]}, EPS);
    }
}
