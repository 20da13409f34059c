package org.rnnbench.dl4j.classic;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.dl4j.params.Binding;
import org.rnnbench.dl4j.params.DirectBinding;
import org.rnnbench.dl4j.params.FoldedLayerBinding;
import org.rnnbench.dl4j.params.ParameterBindings;

/**
 * Builds classic {@code MultiLayerNetwork}s and binds their parameters to the canonical layout.
 *
 * <p>Layers, in order: an {@code EmbeddingSequenceLayer} (no bias) for a learned embedding; one {@code SimpleRnn}
 * ({@code h = act(x W + h RW + b)}) or {@code LSTM} (tanh, sigmoid gates) per recurrent layer, the top one wrapped in
 * {@code LastTimeStep} when one output per sequence is read; an {@code OutputLayer} or {@code RnnOutputLayer} (NCW,
 * set explicitly) with identity activation and a loss on logits. {@code miniBatch(false)} makes score and gradient
 * plain sums (the model scales them to the canonical mean); the updater is {@code NoOp} (the model updates).
 *
 * <p>Parameter views: layer j's {@code j_W} (I, G*H), {@code j_RW} (H, G*H), {@code j_b} (a single bias
 * {@code b_ih + b_hh}); LSTM column blocks are [g, f, o, i]; the head's {@code W} is (H, O); the embedding's
 * {@code 0_W} is (V, D) as canonical.
 */
final class ClassicNetwork {
    private ClassicNetwork() {
    }

    /** True when the model reads one output per sequence (through {@code LastTimeStep}). */
    static boolean oneOutput(ModelSpec spec) {
        return spec.topology() == Topology.MANY_TO_ONE || spec.topology() == Topology.ONE_TO_ONE;
    }

    /** The network of a model. */
    static MultiLayerNetwork model(ModelSpec spec) {
        NeuralNetConfiguration.ListBuilder list = base();
        int at = 0;
        if (spec.encoding() instanceof InputEncoding.Embedding e) {
            list.layer(at++, new EmbeddingSequenceLayer.Builder().nIn(e.vocab()).nOut(e.dim()).hasBias(false).build());
        }
        CellSpec cell = spec.cellSpec();
        for (int k = 0; k < cell.layers(); k++) {
            Layer layer = recurrent(cell, k);
            list.layer(at++, k == cell.layers() - 1 && oneOutput(spec) ? new LastTimeStep(layer) : layer);
        }
        ILossFunction loss = switch (spec.loss()) {
            case MSE -> new LossMSE();
            case SOFTMAX_CE -> new SoftmaxCrossEntropy();
            case SIGMOID_BCE -> new SigmoidCrossEntropy();
        };
        list.layer(at, oneOutput(spec)
            ? new OutputLayer.Builder(loss).activation(Activation.IDENTITY).nIn(spec.hiddenSize())
                .nOut(spec.outputs()).build()
            : new RnnOutputLayer.Builder(loss).activation(Activation.IDENTITY).nIn(spec.hiddenSize())
                .nOut(spec.outputs()).dataFormat(RNNFormat.NCW).build());
        return init(list);
    }

    /**
     * The network of a stack alone, for the probe: the recurrent layers and an {@code RnnLossLayer} with the L2
     * loss {@code sum (y - a)^2}, which against zero labels is {@code 2 * (0.5 * sum a^2)}.
     */
    static MultiLayerNetwork stack(CellSpec cell) {
        NeuralNetConfiguration.ListBuilder list = base();
        for (int k = 0; k < cell.layers(); k++) {
            list.layer(k, recurrent(cell, k));
        }
        list.layer(cell.layers(), new RnnLossLayer.Builder(new LossL2()).activation(Activation.IDENTITY)
            .dataFormat(RNNFormat.NCW).build());
        return init(list);
    }

    /** The bindings of a network built by {@link #model}. */
    static ParameterBindings bindings(MultiLayerNetwork net, ModelSpec spec) {
        List<Binding> list = new ArrayList<>();
        int first = 0;
        if (spec.encoding() instanceof InputEncoding.Embedding e) {
            list.add(new DirectBinding(ParameterLayout.EMBEDDING, new int[] {e.vocab(), e.dim()}, "0_W",
                net.getParam("0_W"), false));
            first = 1;
        }
        addLayers(list, net, spec.cellSpec(), first);
        int head = first + spec.layers();
        list.add(new DirectBinding(ParameterLayout.HEAD_WEIGHT, new int[] {spec.outputs(), spec.hiddenSize()},
            head + "_W", net.getParam(head + "_W"), true));
        list.add(new DirectBinding(ParameterLayout.HEAD_BIAS, new int[] {spec.outputs()}, head + "_b",
            net.getParam(head + "_b"), false));
        return new ParameterBindings(ParameterLayout.of(spec), list);
    }

    /** The bindings of a network built by {@link #stack}. */
    static ParameterBindings stackBindings(MultiLayerNetwork net, CellSpec cell) {
        List<Binding> list = new ArrayList<>();
        addLayers(list, net, cell, 0);
        return new ParameterBindings(ParameterLayout.of(cell), list);
    }

    private static void addLayers(List<Binding> list, MultiLayerNetwork net, CellSpec cell, int first) {
        int[] order = cell.cell() == CellType.LSTM ? FoldedLayerBinding.DL4J_LSTM_ORDER
            : FoldedLayerBinding.sameOrder(1);
        for (int k = 0; k < cell.layers(); k++) {
            int j = first + k;
            String[] names = {j + "_W", j + "_RW", j + "_b"};
            list.add(new FoldedLayerBinding("", k, cell.layerInputSize(k), cell.hiddenSize(), order, names,
                new INDArray[] {net.getParam(names[0]), net.getParam(names[1]),
                    net.getParam(names[2])}));
        }
    }

    private static Layer recurrent(CellSpec cell, int k) {
        int in = cell.layerInputSize(k);
        int h = cell.hiddenSize();
        return switch (cell.cell()) {
            case RNN_TANH -> new SimpleRnn.Builder().nIn(in).nOut(h).activation(Activation.TANH).build();
            case RNN_RELU -> new SimpleRnn.Builder().nIn(in).nOut(h).activation(Activation.RELU).build();
            case LSTM -> new LSTM.Builder().nIn(in).nOut(h).activation(Activation.TANH)
                .gateActivationFunction(Activation.SIGMOID).build();
            case GRU, MIN_GRU, MIN_LSTM -> throw new IllegalArgumentException("DL4J has no classic "
                + cell.cell().id() + " layer; it runs on SameDiff");
        };
    }

    private static NeuralNetConfiguration.ListBuilder base() {
        return new NeuralNetConfiguration.Builder()
            .seed(0)
            .dataType(DataType.FLOAT)
            .miniBatch(false)
            .updater(new NoOp())
            .weightInit(WeightInit.XAVIER)
            .list();
    }

    private static MultiLayerNetwork init(NeuralNetConfiguration.ListBuilder list) {
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
