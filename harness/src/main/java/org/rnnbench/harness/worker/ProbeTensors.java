package org.rnnbench.harness.worker;

import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.Tensor;

/**
 * A {@link StackProbe} as named tensors, the names {@code verify} compares and dumps: {@code output} (B, T, H),
 * {@code h_n} (L, B, H), {@code c_n} (L, B, H, LSTM only), {@code grad/input} (B, T, I) and
 * {@code grad/<weight name>} with PyTorch weight names.
 */
public final class ProbeTensors {
    /** The name of the outputs. */
    public static final String OUTPUT = "output";
    /** The name of the final hidden states. */
    public static final String H_N = "h_n";
    /** The name of the final cell states. */
    public static final String C_N = "c_n";
    /** The prefix of gradients. */
    public static final String GRAD = "grad/";
    /** The name of the input gradient. */
    public static final String GRAD_INPUT = GRAD + "input";

    private ProbeTensors() {
    }

    /** The tensors of a probe of {@code cell} on an input of {@code batch} x {@code time}. */
    public static List<Tensor> of(StackProbe p, CellSpec cell, int batch, int time) {
        int h = cell.hiddenSize();
        int l = cell.layers();
        List<Tensor> list = new ArrayList<>();
        list.add(new Tensor(OUTPUT, new int[] {batch, time, h}, p.output()));
        list.add(new Tensor(H_N, new int[] {l, batch, h}, p.hN()));
        if (cell.cell().hasCellState()) {
            list.add(new Tensor(C_N, new int[] {l, batch, h}, p.cN()));
        }
        list.add(new Tensor(GRAD_INPUT, new int[] {batch, time, cell.inputSize()}, p.inputGradient()));
        for (Tensor t : p.weightGradients().tensors()) {
            list.add(new Tensor(GRAD + t.name(), t.shape(), t.data()));
        }
        return list;
    }
}
