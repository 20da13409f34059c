package org.rnnbench.dl4j;

import java.util.Arrays;
import java.util.Locale;

import org.bytedeco.javacpp.Pointer;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.Comparison;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.testkit.ReferenceProbe;
import org.rnnbench.core.testkit.ReferenceWeights;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.ParameterShape;
import org.rnnbench.dl4j.classic.ClassicModel;
import org.rnnbench.dl4j.runtime.NativeMemory;
import org.rnnbench.dl4j.samediff.LayerKind;
import org.rnnbench.dl4j.samediff.SameDiffModel;

/**
 * The measurements behind FINDINGS.md (not a test): {@code speed} (train steps of LSTM and GRU, I=32 H=128 B=32
 * T=100), {@code memory} (resident size over a long run of unrolled GRU train steps, of its forward passes with
 * {@code forward}, or of classic LSTM train steps with {@code classic}; set {@code -Drnnbench.dl4j.gcBudgetMb} to
 * compare budgets) and {@code fused} (the fused GRU's gradient errors against the reference). Run it in a JVM started with
 * {@code OMP_NUM_THREADS=1}, on the test class path.
 */
public final class Dl4jMeasure {
    private Dl4jMeasure() {
    }

    /** {@code speed [reps] | memory [steps] [forward|classic] | fused}. */
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "speed";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        switch (what) {
            case "speed" -> speed(n > 0 ? n : 10);
            case "memory" -> memory(n > 0 ? n : 300, args.length > 2 ? args[2] : "train");
            case "fused" -> fused();
            default -> throw new IllegalArgumentException("unknown measurement '" + what + "'; speed, memory, fused");
        }
    }

    private static ModelSpec big(CellType cell) {
        return new ModelSpec(new InputEncoding.Dense(32), cell, 128, 1, Topology.MANY_TO_MANY, 32, LossType.MSE);
    }

    private static void speed(int reps) {
        TrainSpec adam = TrainSpec.adam(1e-3, 32, reps, 1).withClipNorm(1);
        time("classic LSTM", new ClassicModel(new Dl4jBackend(), big(CellType.LSTM), adam), reps);
        time("SameDiff unrolled LSTM", new SameDiffModel(new Dl4jBackend(), big(CellType.LSTM), adam, LayerKind.UNROLLED), reps);
        time("SameDiff unrolled GRU", new SameDiffModel(new Dl4jBackend(), big(CellType.GRU), adam, LayerKind.UNROLLED), reps);
        time("SameDiff fused GRU", new SameDiffModel(new FusedGruBackend(), big(CellType.GRU), adam,
            LayerKind.FUSED_GRU), reps);
        time("classic RNN tanh", new ClassicModel(new Dl4jBackend(), big(CellType.RNN_TANH), adam), reps);
        time("SameDiff unrolled RNN tanh", new SameDiffModel(new Dl4jBackend(), big(CellType.RNN_TANH), adam, LayerKind.UNROLLED),
            reps);
    }

    private static void time(String what, SequenceModel m, int reps) {
        ModelSpec spec = m.spec();
        m.importWeights(Initializer.initialize(spec, Init.PYTORCH, 1));
        Batch batch = RandomBatches.of(spec, 32, 100, 100, 2);
        long t0 = System.nanoTime();
        m.trainStep(batch);
        double first = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < 3; i++) {
            m.trainStep(batch);
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            m.trainStep(batch);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        long t = System.nanoTime();
        m.hiddenGradientNorms(batch);
        double dh = (System.nanoTime() - t) / 1e6;
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-28s train step median %6.0f ms (min %4.0f, max %4.0f); first step "
            + "(with graph build) %6.0f ms; dL/dh_t %5.0f ms; params canonical %d native %d%n", what,
            ms[reps / 2], ms[0], ms[reps - 1], first, dh, m.canonicalParameterCount(), m.nativeParameterCount());
        m.close();
    }

    // mode: train (unrolled GRU train steps), forward (its forward passes) or classic (classic LSTM train steps)
    private static void memory(int steps, String mode) {
        boolean classic = mode.equals("classic");
        boolean forwardOnly = mode.equals("forward");
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(32), classic ? CellType.LSTM : CellType.GRU, 128, 1,
            Topology.MANY_TO_MANY, 32, LossType.MSE);
        TrainSpec adam = TrainSpec.adam(1e-3, 32, steps, 1);
        SequenceModel m = classic ? new ClassicModel(new Dl4jBackend(), spec, adam) : new SameDiffModel(new Dl4jBackend(), spec, adam, LayerKind.UNROLLED);
        m.importWeights(Initializer.initialize(spec, Init.PYTORCH, 1));
        Batch batch = RandomBatches.of(spec, 32, 50, 50, 2);
        long start = System.nanoTime();
        long peak = 0;
        for (int s = 1; s <= steps; s++) {
            if (forwardOnly) {
                m.forward(batch);
            } else {
                m.trainStep(batch);
            }
            peak = Math.max(peak, Pointer.physicalBytes());
            if (s % (steps / 10) == 0) {
                System.out.printf(Locale.ROOT, "step %4d: resident %5d MB (peak %5d MB), collections %d, %.0f ms/step%n",
                    s, Pointer.physicalBytes() >> 20, peak >> 20, NativeMemory.collections(),
                    (System.nanoTime() - start) / 1e6 / s);
            }
        }
        m.close();
    }

    private static void fused() {
        for (int[] size : new int[][] {{3, 5, 1, 3, 6}, {3, 5, 2, 3, 6}, {8, 16, 1, 4, 20}}) {
            CellSpec cell = new CellSpec(CellType.GRU, size[0], size[1], size[2]);
            CanonicalWeights w = Initializer.initialize(cell, Init.PYTORCH, 11).copy();
            for (int k = 0; k < cell.layers(); k++) {
                Arrays.fill(w.data("bias_hh_l" + k), 2 * size[1], 3 * size[1], 0f); // b_hn = 0: representable
            }
            Sequences x = RandomBatches.dense(size[3], size[4], size[0], 12);
            StackProbe p = new FusedGruBackend().probeStack(cell, w, x);
            StackProbe u = new Dl4jBackend().probeStack(cell, w, x);
            ReferenceProbe.Result r = ReferenceProbe.run(cell, ReferenceWeights.of(w), Comparison.widen(x.values()),
                x.batch(), x.time());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "I=%d H=%d L=%d B=%d T=%d: output fused %.1e unrolled %.1e; input gradient fused %.1e unrolled %.1e;",
                size[0], size[1], size[2], size[3], size[4], Comparison.relativeError(p.output(), r.output()),
                Comparison.relativeError(u.output(), r.output()),
                Comparison.relativeError(p.inputGradient(), r.inputGradient()),
                Comparison.relativeError(u.inputGradient(), r.inputGradient())));
            for (ParameterShape s : w.layout().parameters()) {
                line.append(String.format(Locale.ROOT, " %s %.1e/%.1e", s.name(),
                    Comparison.relativeError(p.weightGradients().data(s.name()), r.weightGradients().get(s.name())),
                    Comparison.relativeError(u.weightGradients().data(s.name()), r.weightGradients().get(s.name()))));
            }
            System.out.println(line);
        }
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(8), CellType.GRU, 16, 1, Topology.MANY_TO_MANY, 4,
            LossType.MSE);
        CanonicalWeights w = Initializer.initialize(spec, Init.PYTORCH, 11).copy();
        Arrays.fill(w.data("bias_hh_l0"), 32, 48, 0f);
        Batch batch = RandomBatches.of(spec, 4, 20, 20, 12);
        TrainSpec sgd = TrainSpec.sgd(0.1, 4, 1, 1);
        org.rnnbench.core.testkit.ReferenceModel ref = new org.rnnbench.core.testkit.ReferenceModel(spec, sgd);
        ref.importWeights(w);
        try (SequenceModel m = new FusedGruBackend().create(spec, sgd, 1)) {
            m.importWeights(w);
            System.out.printf(Locale.ROOT, "model I=8 H=16 T=20 many-to-many: loss %.1e, dL/dh_t norms %.1e, "
                + "dL/dW_hh %.1e%n", Math.abs(m.forward(batch).loss() - ref.forward(batch).loss())
                    / ref.forward(batch).loss(),
                Comparison.relativeError(m.hiddenGradientNorms(batch), ref.hiddenGradientNorms(batch)),
                Comparison.relativeError(m.gradients(batch).gradients().data("weight_hh_l0"),
                    ref.gradients(batch).gradients().data("weight_hh_l0")));
        }
    }
}
