package org.rnnbench.dl4j.classic;

import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.dl4j.params.BoundModel;
import org.rnnbench.dl4j.params.NativeArrays;
import org.rnnbench.dl4j.params.ParameterBindings;
import org.rnnbench.dl4j.runtime.NativeMemory;
import org.rnnbench.dl4j.samediff.LayerKind;
import org.rnnbench.dl4j.samediff.SameDiffModel;

/**
 * A {@link SequenceModel} on a classic {@code MultiLayerNetwork} ({@link ClassicNetwork}).
 *
 * <p>Training: {@code computeGradientAndScore} gives the summed loss and its gradient, both scaled here by 1/N to
 * the canonical mean; then {@link Updater} clips and updates the parameter views, doubling the folded bias's
 * update and counting its gradient twice in the global norm, which is what PyTorch's two biases do.
 *
 * <p>dL/dh_t: the classic API exposes no per-step gradient of a layer's state, so {@link #hiddenGradientNorms}
 * runs a SameDiff twin of the same spec (built once, loaded with this network's exported weights, which compute
 * the same function).
 *
 * <p>Native parameter count: DL4J's {@code numParams()}. Every classic layer has a single bias {@code b_ih + b_hh},
 * so each recurrent layer holds G*H values fewer than PyTorch's (LSTM: 4H, RNN: H).
 */
public final class ClassicModel extends BoundModel {
    private final Backend backend;
    private final MultiLayerNetwork net;
    private final ParameterBindings bindings;
    private SameDiffModel twin;

    /**
     * @throws IllegalArgumentException when {@link #unsupportedReason} names a reason
     */
    public ClassicModel(Backend backend, ModelSpec spec, TrainSpec train) {
        super(backend, spec, train);
        String reason = unsupportedReason(spec, train);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        this.backend = backend;
        this.net = ClassicNetwork.model(spec);
        this.bindings = ClassicNetwork.bindings(net, spec);
    }

    /**
     * Why classic layers cannot run this combination exactly, or null when they can: no GRU layer, truncated BPTT
     * with wrong gradients, no encoder-decoder in a {@code MultiLayerNetwork}, and no zero input vector after an
     * embedding layer (one-to-many).
     */
    public static String unsupportedReason(ModelSpec spec, TrainSpec train) {
        if (train.incompatibility(spec) != null) {
            return train.incompatibility(spec);
        }
        if (spec.cell() == CellType.GRU) {
            return "DL4J has no classic GRU layer";
        }
        if (!spec.cell().hasRecurrentWeights()) {
            return "DL4J has no classic " + spec.cell().id() + " layer";
        }
        if (train.tbptt() > 0) {
            return "DL4J's classic truncated BPTT recomputes every segment after the first from a zero state in "
                + "the backward pass, so its gradients are wrong";
        }
        if (spec.topology() == Topology.SEQ_TO_SEQ) {
            return "a classic MultiLayerNetwork cannot start a decoder stack from an encoder's final states";
        }
        if (spec.topology() == Topology.ONE_TO_MANY && spec.encoding() instanceof InputEncoding.Embedding) {
            return "a classic embedding layer cannot give the zero input vectors that one-to-many feeds after step 0";
        }
        return null;
    }

    @Override
    protected ParameterBindings bindings() {
        return bindings;
    }

    @Override
    protected double doTrainStep(Batch batch) {
        double loss = computeGradients(batch);
        updater.apply(bindings.tensors(), net.gradient().gradientForVariable());
        NativeMemory.afterStep();
        return loss;
    }

    @Override
    protected ForwardResult doForward(Batch batch) {
        ClassicBatch b = ClassicBatch.of(spec, batch);
        INDArray out = net.output(b.features(), false, b.featureMask(), b.labelMask());
        float[] outputs = ClassicNetwork.oneOutput(spec) ? NativeArrays.read(out)
            : NativeArrays.read(out.permute(0, 2, 1)); // (B, O, T) to (B, T, O)
        NativeMemory.afterStep();
        return new ForwardResult(BatchLoss.of(spec.loss(), outputs, batch.target(), spec.outputs()), outputs);
    }

    @Override
    protected GradientResult doGradients(Batch batch) {
        double loss = computeGradients(batch);
        Map<String, INDArray> g = net.gradient().gradientForVariable();
        NativeMemory.afterStep();
        return new GradientResult(loss, bindings.gradients(g));
    }

    @Override
    protected double[] doHiddenGradientNorms(Batch batch) {
        if (twin == null) {
            twin = new SameDiffModel(backend, spec, TrainSpec.sgd(train.learningRate(), train.batchSize(), 0, train.seed()),
                LayerKind.UNROLLED);
        }
        twin.importWeights(exportWeights());
        return twin.hiddenGradientNorms(batch);
    }

    /** DL4J's own count: one bias per gate row, G*H per recurrent layer fewer than canonical. */
    @Override
    public long nativeParameterCount() {
        return net.numParams();
    }

    @Override
    protected void release() {
        if (twin != null) {
            twin.close();
        }
        net.close();
    }

    // forward and backward; leaves the canonical-mean gradient in the network's gradient view, returns the loss
    private double computeGradients(Batch batch) {
        ClassicBatch b = ClassicBatch.of(spec, batch);
        net.setInput(b.features());
        net.setLabels(b.labels());
        net.setLayerMaskArrays(b.featureMask(), b.labelMask());
        net.computeGradientAndScore();
        double scale = b.count() == 0 ? 0 : 1.0 / b.count();
        net.getGradientsViewArray().muli(scale);
        return net.score() * scale;
    }
}
