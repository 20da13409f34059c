package org.rnnbench.scratch;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.scratch.gemm.GemmNN;
import org.rnnbench.scratch.gemm.GemmNT;
import org.rnnbench.scratch.gemm.GemmTN;

/**
 * Measurements of the scratch backend, run by hand (not a test): GEMM GFLOP/s on 32x160x512, milliseconds per
 * train step of an LSTM (I=32, H=128, B=32, T=100) on one thread, bytes allocated per steady-state train step, and
 * the two-thread speed-up at hidden 512. Run from the repository root after {@code mvn -pl impl-scratch -am verify}:
 * <pre>
 * CP=impl-scratch/target/classes:impl-scratch/target/test-classes:core/target/classes
 * CP=$CP:$HOME/.m2/repository/com/google/code/gson/gson/2.13.1/gson-2.13.1.jar
 * java --add-modules jdk.incubator.vector -XX:-UseTypeSpeculation -cp $CP org.rnnbench.scratch.ScratchMeasurements
 * </pre>
 */
public final class ScratchMeasurements {
    /** Train steps before measuring: enough for C2 to compile every kernel (allocation stops only then). */
    private static final int WARM_UP = 400;

    private ScratchMeasurements() {
    }

    /** Prints every figure; an optional argument picks one of {@code gemm}, {@code step}, {@code threads}. */
    public static void main(String[] args) {
        String only = args.length > 0 ? args[0] : "all";
        if (only.equals("all") || only.equals("gemm")) {
            gemm(32, 512, 160);
        }
        if (only.equals("shapes")) {
            lstmShapes();
        }
        if (only.equals("all") || only.equals("step")) {
            trainStep(CellType.LSTM, 128, 1);
            trainStep(CellType.GRU, 128, 1);
            trainStep(CellType.RNN_TANH, 128, 1);
        }
        if (only.equals("all") || only.equals("threads")) {
            trainStep(CellType.LSTM, 512, 1);
            trainStep(CellType.LSTM, 512, 2);
        }
    }

    private static void gemm(int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble();
        }
        float[] at = new float[k * m];
        float[] bt = new float[n * k];
        double flops = 2.0 * m * n * k;
        String[] names = {"NN", "TN", "NT", "naive NN"};
        for (int variant = 0; variant < names.length; variant++) {
            int reps = variant == 3 ? 20 : 2000;
            double best = 0;
            for (int trial = 0; trial < 15; trial++) {
                long t0 = System.nanoTime();
                for (int rep = 0; rep < reps; rep++) {
                    switch (variant) {
                        case 0 -> GemmNN.fast(m, n, k, a, 0, k, b, 0, n, c, 0, n);
                        case 1 -> GemmTN.fast(m, n, k, at, 0, m, b, 0, n, c, 0, n);
                        case 2 -> GemmNT.fast(m, n, k, a, 0, k, bt, 0, k, c, 0, n);
                        default -> GemmNN.naive(m, n, k, a, 0, k, b, 0, n, c, 0, n);
                    }
                }
                best = Math.max(best, flops * reps / (System.nanoTime() - t0));
            }
            System.out.printf(Locale.ROOT, "gemm %-8s M=%d N=%d K=%d: best %.1f GFLOP/s%n", names[variant], m, n, k,
                best);
        }
    }

    /** The products of one LSTM train step at I=32, H=128, B=32, T=100, each on its own. */
    private static void lstmShapes() {
        int[][] shapes = {{0, 3200, 512, 32}, {0, 32, 512, 128}, {0, 32, 128, 512}, {1, 128, 512, 3200},
            {1, 32, 512, 3200}};
        for (int[] s : shapes) {
            int m = s[1];
            int n = s[2];
            int k = s[3];
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            float[] c = new float[m * n];
            java.util.Arrays.fill(a, 0.5f);
            java.util.Arrays.fill(b, 0.25f);
            int reps = (int) Math.max(1, 2e9 / (2.0 * m * n * k) / 15);
            double best = 0;
            for (int trial = 0; trial < 15; trial++) {
                long t0 = System.nanoTime();
                for (int rep = 0; rep < reps; rep++) {
                    if (s[0] == 0) {
                        GemmNN.fast(m, n, k, a, 0, k, b, 0, n, c, 0, n);
                    } else {
                        GemmTN.fast(m, n, k, a, 0, m, b, 0, n, c, 0, n);
                    }
                }
                best = Math.max(best, 2.0 * m * n * k * reps / (System.nanoTime() - t0));
            }
            System.out.printf(Locale.ROOT, "gemm %s M=%d N=%d K=%d: best %.1f GFLOP/s%n", s[0] == 0 ? "NN" : "TN", m,
                n, k, best);
        }
    }

    private static void trainStep(CellType cell, int hidden, int threads) {
        int batch = 32;
        int time = 100;
        int input = 32;
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(input), cell, hidden, 1, Topology.MANY_TO_ONE, 1,
            LossType.MSE);
        TrainSpec train = TrainSpec.adam(1e-3, batch, 0, 1);
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[batch * time * input];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        float[] y = new float[batch];
        Batch data = new Batch(Sequences.dense(batch, time, input, x), Sequences.dense(batch, 1, 1, y));
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (SequenceModel model = new ScratchBackend().create(spec, train, threads)) {
            model.importWeights(Initializer.initialize(spec, Init.PYTORCH, 1));
            for (int i = 0; i < WARM_UP; i++) {
                model.trainStep(data);
            }
            int steps = 40;
            long[] nanos = new long[steps];
            long[] cpu = new long[steps];
            long bytes0 = allWorkerBytes(mx);
            long own0 = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < steps; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                model.trainStep(data);
                nanos[i] = System.nanoTime() - t0;
                cpu[i] = mx.getCurrentThreadCpuTime() - c0;
            }
            long own = mx.getCurrentThreadAllocatedBytes() - own0;
            long workers = allWorkerBytes(mx) - bytes0;
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            double flops = 3 * 2.0 * batch * cell.gates() * hidden * (input + hidden) * time;
            System.out.printf(Locale.ROOT,
                "train step %s I=%d H=%d B=%d T=%d threads=%d: wall median %.2f ms, min %.2f ms; caller CPU median"
                    + " %.2f ms (%.1f GFLOP/s by the 3x forward formula, wall median); allocated per step: caller %d"
                    + " bytes, workers %d bytes%n",
                cell.id(), input, hidden, batch, time, threads, nanos[steps / 2] / 1e6, nanos[0] / 1e6,
                cpu[steps / 2] / 1e6, flops / nanos[steps / 2], own / steps, workers / steps);
        }
    }

    private static long allWorkerBytes(com.sun.management.ThreadMXBean mx) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("rnnbench-scratch-worker")) {
                total += mx.getThreadAllocatedBytes(t.getId());
            }
        }
        return total;
    }
}
