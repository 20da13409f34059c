package org.rnnbench.dl4j.samediff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.dl4j.params.NativeArrays;
import org.rnnbench.dl4j.params.ProbeArguments;
import org.rnnbench.dl4j.runtime.NativeMemory;
import org.rnnbench.dl4j.runtime.Quiet;

/**
 * {@link org.rnnbench.core.backend.Backend#probeStack} on a SameDiff graph of the stack alone: zero initial states,
 * all T steps, {@code L = 0.5 * sum(output^2)}, gradients for every weight and for the input placeholder.
 */
public final class SameDiffProbe {
    private SameDiffProbe() {
    }

    /** Runs the probe with {@code kind} layers. */
    public static StackProbe run(CellSpec cell, LayerKind kind, CanonicalWeights weights, Sequences input) {
        ProbeArguments.check(cell, weights, input);
        int b = input.batch();
        int t = input.time();
        int h = cell.hiddenSize();
        int layers = cell.layers();
        SdParameters params = SdParameters.of(cell, kind);
        params.bindings().load(weights);
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> vars = new LinkedHashMap<>();
        params.arrays().forEach((name, array) -> vars.put(name, sd.var(name, array)));
        SDVariable x = sd.placeHolder(Names.X, DataType.FLOAT, (long) t * b, cell.inputSize());
        SDVariable[] h0 = new SDVariable[layers];
        SDVariable[] c0 = cell.cell().hasCellState() ? new SDVariable[layers] : null;
        Map<String, INDArray> feeds = new HashMap<>();
        feeds.put(Names.X, Nd4j.create(timeMajor(input.values(), b, t, cell.inputSize()),
            new long[] {(long) t * b, cell.inputSize()}, 'c'));
        for (int k = 0; k < layers; k++) {
            h0[k] = sd.placeHolder(Names.h0(k), DataType.FLOAT, b, h);
            feeds.put(Names.h0(k), Nd4j.zeros(DataType.FLOAT, b, h));
            if (c0 != null) {
                c0[k] = sd.placeHolder(Names.c0(k), DataType.FLOAT, b, h);
                feeds.put(Names.c0(k), Nd4j.zeros(DataType.FLOAT, b, h));
            }
        }
        List<StackBuilder.Layer> stack = new StackBuilder(sd, cell, kind, vars, b, t)
            .build("", x, h0, c0, false, false);
        SDVariable output = sd.identity(Names.OUTPUT, stack.get(layers - 1).sequence());
        List<String> outputs = new ArrayList<>(List.of(Names.OUTPUT));
        for (int k = 0; k < layers; k++) {
            outputs.add(sd.identity(Names.hLast(k), stack.get(k).last()).name());
            if (c0 != null) {
                outputs.add(sd.identity(Names.cLast(k), stack.get(k).lastCell()).name());
            }
        }
        SDVariable loss = output.mul(output).sum().mul(0.5).rename(Names.LOSS);
        sd.setLossVariables(loss);
        Quiet.createGradFunction(sd, Names.X);
        List<String> of = new ArrayList<>(params.arrays().keySet());
        of.add(Names.X);
        OutAndGrad og = sd.calculateGradientsAndOutputs(feeds, outputs, of);
        Map<String, INDArray> out = og.getOutputs();
        float[] hN = new float[layers * b * h];
        float[] cN = c0 == null ? null : new float[layers * b * h];
        for (int k = 0; k < layers; k++) {
            System.arraycopy(NativeArrays.read(out.get(Names.hLast(k))), 0, hN, k * b * h, b * h);
            if (cN != null) {
                System.arraycopy(NativeArrays.read(out.get(Names.cLast(k))), 0, cN, k * b * h, b * h);
            }
        }
        StackProbe probe = new StackProbe(batchMajor(NativeArrays.read(out.get(Names.OUTPUT)), b, t, h), hN, cN,
            batchMajor(NativeArrays.read(og.getGradients().get(Names.X)), b, t, cell.inputSize()),
            params.bindings().gradients(og.getGradients()));
        NativeMemory.afterStep();
        return probe;
    }

    // (B, T, W) batch-major to (T*B, W) time-major rows
    static float[] timeMajor(float[] v, int b, int t, int w) {
        float[] out = new float[v.length];
        for (int s = 0; s < t; s++) {
            for (int r = 0; r < b; r++) {
                System.arraycopy(v, (r * t + s) * w, out, (s * b + r) * w, w);
            }
        }
        return out;
    }

    // (T*B, W) time-major rows to (B, T, W)
    static float[] batchMajor(float[] v, int b, int t, int w) {
        float[] out = new float[v.length];
        for (int s = 0; s < t; s++) {
            for (int r = 0; r < b; r++) {
                System.arraycopy(v, (s * b + r) * w, out, (r * t + s) * w, w);
            }
        }
        return out;
    }
}
