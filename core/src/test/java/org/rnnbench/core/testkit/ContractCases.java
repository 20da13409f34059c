package org.rnnbench.core.testkit;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/**
 * The configurations the contract is checked on, all tiny: dense input of {@value #FEATURES} features, a
 * vocabulary of {@value #VOCAB} (one-hot, or embedded in {@value #EMBED_DIM} dimensions), hidden size
 * {@value #HIDDEN}, {@value #OUTPUTS} outputs, 1 or 2 layers.
 */
public final class ContractCases {
    /** Dense features. */
    public static final int FEATURES = 3;
    /** Vocabulary of token encodings. */
    public static final int VOCAB = 7;
    /** Embedding dimension. */
    public static final int EMBED_DIM = 4;
    /** Hidden size. */
    public static final int HIDDEN = 5;
    /** Head outputs (classes for cross-entropy). */
    public static final int OUTPUTS = 4;

    private static final List<InputEncoding> ENCODINGS = List.of(new InputEncoding.Dense(FEATURES),
        new InputEncoding.OneHot(VOCAB), new InputEncoding.Embedding(VOCAB, EMBED_DIM));
    private static final List<Topology> SEQUENCE_TOPOLOGIES = List.of(Topology.MANY_TO_ONE, Topology.MANY_TO_MANY,
        Topology.SEQ_TO_SEQ);

    private ContractCases() {
    }

    /** The three encodings of the grid. */
    public static List<InputEncoding> encodings() {
        return ENCODINGS;
    }

    /**
     * Every cell x {1, 2} layers x {dense, one-hot, embedding} x {MSE, CE, BCE} x {many-to-one, many-to-many,
     * encoder-decoder}, then one-to-one and one-to-many for every cell, layer count and encoding with the loss
     * rotating so that each loss meets each of them.
     */
    public static List<ContractCase> grid() {
        List<ContractCase> list = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                for (InputEncoding enc : ENCODINGS) {
                    for (LossType loss : LossType.values()) {
                        for (Topology topology : SEQUENCE_TOPOLOGIES) {
                            list.add(ContractCase.of(model(enc, cell, layers, topology, loss)));
                        }
                    }
                }
            }
        }
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                for (int e = 0; e < ENCODINGS.size(); e++) {
                    LossType[] losses = LossType.values();
                    list.add(ContractCase.of(model(ENCODINGS.get(e), cell, layers, Topology.ONE_TO_ONE,
                        losses[(e + layers) % 3])));
                    list.add(ContractCase.of(model(ENCODINGS.get(e), cell, layers, Topology.ONE_TO_MANY,
                        losses[(e + layers + 1) % 3])));
                }
            }
        }
        return list;
    }

    /**
     * The configurations the training checks run on: every cell x {1, 2} layers x {many-to-many with an embedding
     * and cross-entropy, encoder-decoder with one-hot input and MSE, many-to-one with dense input and BCE}.
     */
    public static List<ContractCase> training() {
        List<ContractCase> list = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                list.add(ContractCase.of(model(ENCODINGS.get(2), cell, layers, Topology.MANY_TO_MANY,
                    LossType.SOFTMAX_CE)));
                list.add(ContractCase.of(model(ENCODINGS.get(1), cell, layers, Topology.SEQ_TO_SEQ, LossType.MSE)));
                list.add(ContractCase.of(model(ENCODINGS.get(0), cell, layers, Topology.MANY_TO_ONE,
                    LossType.SIGMOID_BCE)));
            }
        }
        return list;
    }

    /** Recurrent stacks for the stack probe: every cell x {1, 2} layers, input {@value #FEATURES}. */
    public static List<CellSpec> stacks() {
        List<CellSpec> list = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                list.add(new CellSpec(cell, FEATURES, HIDDEN, layers));
            }
        }
        return list;
    }

    /** A model of the grid's sizes. */
    public static ModelSpec model(InputEncoding enc, CellType cell, int layers, Topology topology, LossType loss) {
        return new ModelSpec(enc, cell, HIDDEN, layers, topology, OUTPUTS, loss);
    }
}
