package org.rnnbench.dl4j.classic;

import java.util.Map;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.dl4j.params.NativeArrays;
import org.rnnbench.dl4j.params.ParameterBindings;
import org.rnnbench.dl4j.params.ProbeArguments;

/**
 * {@link org.rnnbench.core.backend.Backend#probeStack} on classic layers: {@code calculateGradients} of the stack
 * with an L2 loss layer against zero labels ({@code L2 = 2 * 0.5 * sum(output^2)}, so gradients are halved) gives
 * the weight and input gradients; {@code rnnTimeStep} gives the outputs and leaves each layer's final
 * {@code prevAct} (h_n) and {@code prevMem} (c_n) in its state.
 */
public final class ClassicProbe {
    private ClassicProbe() {
    }

    /** True for the cells DL4J has a classic layer for: RNN_TANH, RNN_RELU and LSTM. */
    public static boolean hasLayer(CellType cell) {
        return cell == CellType.RNN_TANH || cell == CellType.RNN_RELU || cell == CellType.LSTM;
    }

    /** Runs the probe (RNN_TANH, RNN_RELU or LSTM). */
    public static StackProbe run(CellSpec cell, CanonicalWeights weights, Sequences input) {
        ProbeArguments.check(cell, weights, input);
        int b = input.batch();
        int t = input.time();
        int h = cell.hiddenSize();
        MultiLayerNetwork net = ClassicNetwork.stack(cell);
        try {
            ParameterBindings bindings = ClassicNetwork.stackBindings(net, cell);
            bindings.load(weights);
            // values are (B, T, I); the network reads (B, I, T)
            INDArray x = Nd4j.create(input.values(), new long[] {b, t, cell.inputSize()}, 'c').permute(0, 2, 1)
                .dup('c');
            net.initGradientsView();
            Pair<Gradient, INDArray> g = net.calculateGradients(x, Nd4j.zeros(x.dataType(), b, h, t), null, null);
            Map<String, INDArray> grads = g.getFirst().gradientForVariable();
            grads.values().forEach(a -> a.muli(0.5));
            float[] inputGradient = NativeArrays.read(g.getSecond().mul(0.5).permute(0, 2, 1));
            CanonicalWeights weightGradients = bindings.gradients(grads);
            net.rnnClearPreviousState();
            float[] output = NativeArrays.read(net.rnnTimeStep(x).permute(0, 2, 1));
            int layers = cell.layers();
            float[] hN = new float[layers * b * h];
            float[] cN = cell.cell() == CellType.LSTM ? new float[layers * b * h] : null;
            for (int k = 0; k < layers; k++) {
                Map<String, INDArray> state = net.rnnGetPreviousState(k);
                System.arraycopy(NativeArrays.read(state.get("prevAct")), 0, hN, k * b * h, b * h);
                if (cN != null) {
                    System.arraycopy(NativeArrays.read(state.get("prevMem")), 0, cN, k * b * h, b * h);
                }
            }
            return new StackProbe(output, hN, cN, inputGradient, weightGradients);
        } finally {
            net.close();
        }
    }
}
