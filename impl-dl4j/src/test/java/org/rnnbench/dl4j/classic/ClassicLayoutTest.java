package org.rnnbench.dl4j.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.dl4j.params.ParameterBindings;

/** DL4J's classic LSTM layout and why the classic models use losses on logits. */
class ClassicLayoutTest {

    @Test
    void lstmColumnBlocksAreGfoiAndTheBiasIsTheSumOfBoth() {
        int h = 2;
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(1), CellType.LSTM, h, 1, Topology.MANY_TO_ONE, 1,
            LossType.MSE);
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (ParameterShape p : ParameterLayout.of(spec).parameters()) {
            float[] v = new float[p.size()];
            for (int i = 0; i < v.length; i++) {
                // weight_ih (8, 1): row r holds r; bias_ih row r holds 100 + r, bias_hh 0.5
                v[i] = p.name().equals(ParameterLayout.biasHh(0)) ? 0.5f
                    : p.name().equals(ParameterLayout.biasIh(0)) ? 100 + i : i;
            }
            t.put(p.name(), new Tensor(p.name(), p.shape(), v));
        }
        MultiLayerNetwork net = ClassicNetwork.model(spec);
        ParameterBindings bindings = ClassicNetwork.bindings(net, spec);
        bindings.load(new CanonicalWeights(ParameterLayout.of(spec), t));
        INDArray w = net.getParam("0_W");
        INDArray b = net.getParam("0_b");
        int[] canonicalBlockOfColumnBlock = {2, 1, 3, 0}; // [g, f, o, i] of canonical [i, f, g, o]
        for (int q = 0; q < 4; q++) {
            for (int j = 0; j < h; j++) {
                int row = canonicalBlockOfColumnBlock[q] * h + j;
                assertEquals(row, w.getFloat(0, q * h + j), 0f, "W column " + (q * h + j));
                assertEquals(100 + row + 0.5f, b.getFloat(q * h + j), 1e-5f, "b column " + (q * h + j));
            }
        }
        CanonicalWeights out = bindings.store();
        assertEquals(100.5f, out.data(ParameterLayout.biasIh(0))[0], 1e-5f, "export puts the sum in bias_ih");
        assertEquals(0f, out.data(ParameterLayout.biasHh(0))[0], 0f, "and zero in bias_hh");
        net.close();
    }

    @Test
    void dl4jsProbabilityLossesBreakAtSaturatedLogitsWhereLossesOnLogitsDoNot() {
        // logits (2, 2) far in saturation; labels: the unlikely outcome
        INDArray z = Nd4j.create(new float[] {30f, -30f, -30f, 30f}, new long[] {2, 2}, 'c');
        INDArray y = Nd4j.create(new float[] {0f, 1f, 1f, 0f}, new long[] {2, 2}, 'c');
        INDArray exact = Nd4j.create(new float[] {1f, -1f, -1f, 1f}, new long[] {2, 2}, 'c'); // sigmoid(z) - y

        INDArray unclipped = new LossBinaryXENT(0.0, null).computeGradient(y, z.dup(), new ActivationSigmoid(), null);
        assertTrue(unclipped.isNaN().any() || unclipped.isInfinite().any(), "LossBinaryXENT(0): " + unclipped);
        INDArray clipped = new LossBinaryXENT().computeGradient(y, z.dup(), new ActivationSigmoid(), null);
        assertTrue(clipped.sub(exact).amaxNumber().doubleValue() > 0.5, "default clip: " + clipped);
        INDArray ours = new SigmoidCrossEntropy().computeGradient(y, z.dup(), new ActivationIdentity(), null);
        assertEquals(0, ours.sub(exact).amaxNumber().doubleValue(), 1e-6);
        double score = new SigmoidCrossEntropy().computeScore(y, z.dup(), new ActivationIdentity(), null, false);
        assertEquals(4 * 30.0, score, 1e-3, "each term is log(1 + e^30) = 30");

        // softmax cross-entropy of a class with logit 60 below the other: 60 nats, DL4J's default clips at 23
        INDArray z2 = Nd4j.create(new float[] {30f, -30f}, new long[] {1, 2}, 'c');
        INDArray y2 = Nd4j.create(new float[] {0f, 1f}, new long[] {1, 2}, 'c');
        double mcxent = new LossMCXENT().computeScore(y2, z2.dup(), new ActivationSoftmax(), null, false);
        assertEquals(-Math.log(1e-10), mcxent, 1e-3);
        double oursCe = new SoftmaxCrossEntropy().computeScore(y2, z2.dup(), new ActivationIdentity(), null, false);
        assertEquals(60.0, oursCe, 1e-3);
    }
}
