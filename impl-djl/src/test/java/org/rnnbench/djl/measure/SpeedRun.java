package org.rnnbench.djl.measure;

import java.util.Arrays;
import java.util.Locale;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.cost.Costs;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.RandomBatches;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;

/**
 * Milliseconds per train step: {@code SpeedRun <backend id> <cell> <I> <H> <B> <T> <warm-up> <steps>}. One layer,
 * dense input, many-to-many MSE, Adam with clipping, full-length batches; prints the median, 10th and 90th
 * percentile of the timed steps, GFLOP/s by {@link Costs#trainFlops}, and the median time of one
 * {@code hiddenGradientNorms} call.
 */
public final class SpeedRun {
    private SpeedRun() {
    }

    /** @param args backend id, cell id, I, H, B, T, warm-up steps, timed steps */
    public static void main(String[] args) {
        Backend backend = Backends.get(args[0]);
        CellType cell = CellType.parse(args[1]);
        int input = Integer.parseInt(args[2]);
        int hidden = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int time = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        int steps = Integer.parseInt(args[7]);
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(input), cell, hidden, 1, Topology.MANY_TO_MANY, input,
            LossType.MSE);
        TrainSpec train = TrainSpec.adam(1e-3, batch, steps, 1).withClipNorm(1);
        Batch data = RandomBatches.of(spec, batch, time, time, 2);
        Batch full = new Batch(data.input().withLengths(fill(batch, time)), data.target().withLengths(
            fill(batch, time)));
        try (SequenceModel m = backend.create(spec, train, 1)) {
            m.importWeights(Initializer.initialize(spec, Init.PYTORCH, 1));
            double[] ms = new double[steps];
            for (int s = -warmup; s < steps; s++) {
                long t0 = System.nanoTime();
                m.trainStep(full);
                if (s >= 0) {
                    ms[s] = (System.nanoTime() - t0) / 1e6;
                }
            }
            double[] probe = new double[Math.max(3, steps / 5)];
            for (int s = 0; s < probe.length; s++) {
                long t0 = System.nanoTime();
                m.hiddenGradientNorms(full);
                probe[s] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(probe);
            double median = ms[steps / 2];
            double gflops = Costs.trainFlops(spec, batch, time, time) / (median * 1e6);
            System.out.printf(Locale.ROOT, "%-13s %-8s I=%d H=%d B=%d T=%d  train step ms: median %.2f p10 %.2f "
                    + "p90 %.2f  (%.1f GFLOP/s)  hiddenGradientNorms ms: median %.2f%n", backend.id(), cell.id(),
                input, hidden, batch, time, median, ms[steps / 10], ms[steps * 9 / 10], gflops,
                probe[probe.length / 2]);
        }
    }

    private static int[] fill(int batch, int time) {
        int[] lengths = new int[batch];
        Arrays.fill(lengths, time);
        return lengths;
    }
}
