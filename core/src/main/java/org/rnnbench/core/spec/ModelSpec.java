package org.rnnbench.core.spec;

/**
 * A whole model: input encoding, a recurrent stack (and for {@link Topology#SEQ_TO_SEQ} a decoder stack of the same
 * shape), a linear head {@code y = W_head h + b_head} with O outputs on the top layer's state, and a loss.
 *
 * @param encoding   how raw inputs become x_t (its size is the first layer's input size)
 * @param cell       cell type of every layer
 * @param hiddenSize H
 * @param layers     L
 * @param topology   how inputs and outputs line up in time
 * @param outputs    O, the head's output size (the number of classes for softmax cross-entropy)
 * @param loss       the training loss
 */
public record ModelSpec(InputEncoding encoding, CellType cell, int hiddenSize, int layers, Topology topology,
                        int outputs, LossType loss) {

    /** Validates sizes and combinations. */
    public ModelSpec {
        Check.present("encoding", encoding);
        Check.present("topology", topology);
        Check.present("loss", loss);
        Check.inRange("outputs", outputs, 1, CellSpec.MAX_SIZE);
        if (loss == LossType.SOFTMAX_CE && outputs < 2) {
            throw new IllegalArgumentException(
                "softmax cross-entropy needs at least 2 output classes, got " + outputs);
        }
        new CellSpec(cell, encoding.inputSize(), hiddenSize, layers); // validates the recurrent part
    }

    /** The recurrent stack (the encoder for SEQ_TO_SEQ). */
    public CellSpec cellSpec() {
        return new CellSpec(cell, encoding.inputSize(), hiddenSize, layers);
    }

    /** True when the model has a decoder stack. */
    public boolean hasDecoder() {
        return topology == Topology.SEQ_TO_SEQ;
    }

    /** Short description for run names, e.g. {@code lstm[hidden=128,layers=1]}. */
    public String id() {
        return cellSpec().id();
    }

    /** A copy with another cell type. */
    public ModelSpec withCell(CellType other) {
        return new ModelSpec(encoding, other, hiddenSize, layers, topology, outputs, loss);
    }

    /** A copy with another hidden size. */
    public ModelSpec withHidden(int hidden) {
        return new ModelSpec(encoding, cell, hidden, layers, topology, outputs, loss);
    }

    /** A copy with another number of layers. */
    public ModelSpec withLayers(int count) {
        return new ModelSpec(encoding, cell, hiddenSize, count, topology, outputs, loss);
    }
}
