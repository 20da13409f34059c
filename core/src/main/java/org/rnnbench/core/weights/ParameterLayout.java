package org.rnnbench.core.weights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.ModelSpec;

/**
 * The canonical parameters of a model, in a fixed order, with PyTorch {@code nn.RNN/LSTM/GRU} state_dict names:
 * <pre>
 *   embedding.weight            (vocab, dim)        learned embedding only
 *   weight_ih_l{k}              (G*H, I_k)          k = 0..L-1; I_0 = input size, I_k = H above
 *   weight_hh_l{k}              (G*H, H)            cells with recurrent weights only
 *   bias_ih_l{k}                (G*H)
 *   bias_hh_l{k}                (G*H)               cells with recurrent weights only
 *   decoder.weight_ih_l{k} ...  (same per layer)    encoder-decoder only
 *   head.weight                 (O, H)
 *   head.bias                   (O)
 * </pre>
 * G = 1 (RNN), 4 (LSTM, rows [i, f, g, o]), 3 (GRU, rows [r, z, n]), 2 (minGRU, rows [z, h~]) or 3 (minLSTM,
 * rows [f, i, h~]); the minimal cells have no {@code weight_hh} and no {@code bias_hh}. A recurrent stack alone (no head, no
 * embedding) has the layout of {@link #of(CellSpec)}, exactly a PyTorch module's state_dict.
 */
public final class ParameterLayout {
    /** Name of the embedding matrix. */
    public static final String EMBEDDING = "embedding.weight";
    /** Name of the head's weight. */
    public static final String HEAD_WEIGHT = "head.weight";
    /** Name of the head's bias. */
    public static final String HEAD_BIAS = "head.bias";
    /** Prefix of the decoder stack's parameters. */
    public static final String DECODER = "decoder.";

    private final List<ParameterShape> parameters;
    private final Map<String, ParameterShape> byName;

    private ParameterLayout(List<ParameterShape> parameters) {
        this.parameters = List.copyOf(parameters);
        Map<String, ParameterShape> map = new LinkedHashMap<>();
        for (ParameterShape p : parameters) {
            map.put(p.name(), p);
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The layout of a whole model. */
    public static ParameterLayout of(ModelSpec spec) {
        List<ParameterShape> list = new ArrayList<>();
        if (spec.encoding() instanceof InputEncoding.Embedding e) {
            list.add(new ParameterShape(EMBEDDING, new int[] {e.vocab(), e.dim()}));
        }
        addStack(list, "", spec.cellSpec());
        if (spec.hasDecoder()) {
            addStack(list, DECODER, spec.cellSpec());
        }
        list.add(new ParameterShape(HEAD_WEIGHT, new int[] {spec.outputs(), spec.hiddenSize()}));
        list.add(new ParameterShape(HEAD_BIAS, new int[] {spec.outputs()}));
        return new ParameterLayout(list);
    }

    /** The layout of a recurrent stack alone: a PyTorch {@code nn.RNN/LSTM/GRU} state_dict. */
    public static ParameterLayout of(CellSpec cell) {
        List<ParameterShape> list = new ArrayList<>();
        addStack(list, "", cell);
        return new ParameterLayout(list);
    }

    private static void addStack(List<ParameterShape> list, String prefix, CellSpec cell) {
        int rows = cell.gateRows();
        for (int k = 0; k < cell.layers(); k++) {
            boolean recurrent = cell.cell().hasRecurrentWeights();
            list.add(new ParameterShape(prefix + weightIh(k), new int[] {rows, cell.layerInputSize(k)}));
            if (recurrent) {
                list.add(new ParameterShape(prefix + weightHh(k), new int[] {rows, cell.hiddenSize()}));
            }
            list.add(new ParameterShape(prefix + biasIh(k), new int[] {rows}));
            if (recurrent) {
                list.add(new ParameterShape(prefix + biasHh(k), new int[] {rows}));
            }
        }
    }

    /** {@code weight_ih_l{k}}. */
    public static String weightIh(int k) {
        return "weight_ih_l" + k;
    }

    /** {@code weight_hh_l{k}}. */
    public static String weightHh(int k) {
        return "weight_hh_l" + k;
    }

    /** {@code bias_ih_l{k}}. */
    public static String biasIh(int k) {
        return "bias_ih_l" + k;
    }

    /** {@code bias_hh_l{k}}. */
    public static String biasHh(int k) {
        return "bias_hh_l" + k;
    }

    /**
     * Reads the shape of a recurrent stack from a PyTorch state_dict: layers from the {@code weight_ih_l{k}}
     * present, hidden size and input size from {@code weight_ih_l0}.
     *
     * @throws IllegalArgumentException when the tensors do not form a stack of {@code cell}
     */
    public static CellSpec inferCellSpec(Map<String, Tensor> tensors, CellType cell) {
        Tensor w0 = tensors.get(weightIh(0));
        if (w0 == null) {
            throw new IllegalArgumentException("no tensor 'weight_ih_l0'; a PyTorch " + cell.id()
                + " state_dict has " + (cell.hasRecurrentWeights()
                    ? "weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0" : "weight_ih_l0, bias_ih_l0")
                + " per layer; found " + tensors.keySet());
        }
        if (w0.rank() != 2 || w0.dim(0) % cell.gates() != 0) {
            throw new IllegalArgumentException("weight_ih_l0 has shape " + w0.shapeText() + "; a " + cell.id()
                + " layer needs (" + cell.gates() + "*hidden, input)");
        }
        int layers = 0;
        while (tensors.containsKey(weightIh(layers))) {
            layers++;
        }
        CellSpec spec = new CellSpec(cell, w0.dim(1), w0.dim(0) / cell.gates(), layers);
        of(spec).check(tensors, "the " + cell.id() + " weights");
        return spec;
    }

    /** The parameters in canonical order. */
    public List<ParameterShape> parameters() {
        return parameters;
    }

    /** The parameter of that name, or null. */
    public ParameterShape get(String name) {
        return byName.get(name);
    }

    /** True when a parameter has that name. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The total number of values, the canonical parameter count. */
    public long totalSize() {
        long n = 0;
        for (ParameterShape p : parameters) {
            n += p.size();
        }
        return n;
    }

    /**
     * Checks that {@code tensors} hold exactly this layout's names and shapes.
     *
     * @param what how to name the tensors in a message, e.g. a file name
     * @throws IllegalArgumentException naming the first missing, extra or misshapen tensor and what was expected
     */
    public void check(Map<String, Tensor> tensors, String what) {
        for (ParameterShape p : parameters) {
            Tensor t = tensors.get(p.name());
            if (t == null) {
                throw new IllegalArgumentException(what + " lack tensor '" + p.name() + "' of shape "
                    + java.util.Arrays.toString(p.shape()) + "; present: " + tensors.keySet());
            }
            if (!t.sameShape(p.shape())) {
                throw new IllegalArgumentException(what + ": tensor '" + p.name() + "' has shape " + t.shapeText()
                    + " but the model needs " + java.util.Arrays.toString(p.shape()));
            }
        }
        for (String name : tensors.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(what + " hold tensor '" + name
                    + "' that the model does not have; expected exactly " + byName.keySet());
            }
        }
    }

    @Override
    public String toString() {
        return parameters.toString();
    }
}
