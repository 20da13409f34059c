package org.rnnbench.dl4j.samediff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;
import org.rnnbench.dl4j.params.Binding;
import org.rnnbench.dl4j.params.DirectBinding;
import org.rnnbench.dl4j.params.FoldedLayerBinding;
import org.rnnbench.dl4j.params.NativeTensor;
import org.rnnbench.dl4j.params.ParameterBindings;

/**
 * The float32 arrays behind a graph's variables, owned by the model so that every graph it builds (one per shape)
 * shares them, and their binding to the canonical layout. Unrolled layers hold the canonical tensors as they are
 * (variable {@code weight_ih_l0}, {@code decoder_bias_hh_l1}, ...); fused GRU layers hold {@code W (I, 3H)},
 * {@code R (H, 3H)} and one bias {@code b (3H)} per layer ({@code gru_w_l0}, {@code gru_r_l0}, {@code gru_b_l0}).
 */
final class SdParameters {
    private final ParameterBindings bindings;
    private final Map<String, INDArray> arrays = new LinkedHashMap<>();

    private SdParameters(ParameterLayout layout, CellSpec cell, List<String> prefixes, LayerKind kind) {
        List<Binding> list = new ArrayList<>();
        for (ParameterShape p : layout.parameters()) {
            if (!isRecurrent(p.name()) || kind == LayerKind.UNROLLED) {
                String name = Names.variable(p.name());
                INDArray a = zeros(p.shape());
                arrays.put(name, a);
                list.add(new DirectBinding(p.name(), p.shape(), name, a, false));
            }
        }
        if (kind == LayerKind.FUSED_GRU) {
            int rows = cell.gateRows();
            for (String prefix : prefixes) {
                for (int k = 0; k < cell.layers(); k++) {
                    String[] names = fusedNames(prefix, k);
                    INDArray[] a = {zeros(new int[] {cell.layerInputSize(k), rows}),
                        zeros(new int[] {cell.hiddenSize(), rows}), zeros(new int[] {rows})};
                    for (int i = 0; i < 3; i++) {
                        arrays.put(names[i], a[i]);
                    }
                    list.add(new FoldedLayerBinding(prefix, k, cell.layerInputSize(k), cell.hiddenSize(),
                        FoldedLayerBinding.sameOrder(cell.cell().gates()), names, a));
                }
            }
        }
        this.bindings = new ParameterBindings(layout, list);
    }

    /** The parameters of a whole model. */
    static SdParameters of(ModelSpec spec, LayerKind kind) {
        List<String> prefixes = spec.hasDecoder() ? List.of("", ParameterLayout.DECODER) : List.of("");
        return new SdParameters(ParameterLayout.of(spec), spec.cellSpec(), prefixes, kind);
    }

    /** The parameters of a recurrent stack alone. */
    static SdParameters of(CellSpec cell, LayerKind kind) {
        return new SdParameters(ParameterLayout.of(cell), cell, List.of(""), kind);
    }

    /** The native names of a fused GRU layer's W, R and b. */
    static String[] fusedNames(String prefix, int k) {
        String p = Names.variable(prefix);
        return new String[] {p + "gru_w_l" + k, p + "gru_r_l" + k, p + "gru_b_l" + k};
    }

    /** The binding to the canonical layout. */
    ParameterBindings bindings() {
        return bindings;
    }

    /** The arrays by variable name. */
    Map<String, INDArray> arrays() {
        return arrays;
    }

    /** The native tensors, for the optimizer. */
    List<NativeTensor> tensors() {
        return bindings.tensors();
    }

    private static boolean isRecurrent(String name) {
        String local = name.startsWith(ParameterLayout.DECODER)
            ? name.substring(ParameterLayout.DECODER.length()) : name;
        return local.startsWith("weight_") || local.startsWith("bias_");
    }

    private static INDArray zeros(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return Nd4j.zeros(DataType.FLOAT, s);
    }
}
