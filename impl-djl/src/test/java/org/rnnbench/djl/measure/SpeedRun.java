package org.rnnbench.djl.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
 * Milliseconds per call: {@code SpeedRun <backend ids, comma separated> <cell> <I> <H> <B> <T> <warm-up> <steps>}.
 * One layer, dense input, many-to-many MSE, Adam with clipping, full-length batches. The backends' models take
 * turns call by call, so that a busy machine slows them alike. Prints, per backend, the median, 10th and 90th
 * percentile of a train step, GFLOP/s of the median by {@link Costs#trainFlops}, and the median of one
 * {@code hiddenGradientNorms} call.
 */
public final class SpeedRun {
    private SpeedRun() {
    }

    /** @param args backend ids, cell id, I, H, B, T, warm-up steps, timed steps */
    public static void main(String[] args) {
        String[] ids = args[0].split(",");
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
        int[] full = new int[batch];
        Arrays.fill(full, time);
        Batch b = new Batch(data.input().withLengths(full), data.target().withLengths(full));
        List<SequenceModel> models = new ArrayList<>();
        for (String id : ids) {
            SequenceModel m = Backends.get(id).create(spec, train, 1);
            m.importWeights(Initializer.initialize(spec, Init.PYTORCH, 1));
            models.add(m);
        }
        double[][] stepMs = new double[ids.length][steps];
        double[][] probeMs = new double[ids.length][Math.max(3, steps / 5)];
        for (int s = -warmup; s < steps; s++) {
            for (int i = 0; i < ids.length; i++) {
                long t0 = System.nanoTime();
                models.get(i).trainStep(b);
                if (s >= 0) {
                    stepMs[i][s] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        for (int s = 0; s < probeMs[0].length; s++) {
            for (int i = 0; i < ids.length; i++) {
                long t0 = System.nanoTime();
                models.get(i).hiddenGradientNorms(b);
                probeMs[i][s] = (System.nanoTime() - t0) / 1e6;
            }
        }
        for (int i = 0; i < ids.length; i++) {
            models.get(i).close();
            double[] ms = stepMs[i];
            Arrays.sort(ms);
            Arrays.sort(probeMs[i]);
            double median = ms[steps / 2];
            System.out.printf(Locale.ROOT, "%-13s %-8s I=%d H=%d B=%d T=%d  train step ms: median %.2f p10 %.2f "
                    + "p90 %.2f (%.1f GFLOP/s)  hiddenGradientNorms ms: median %.2f%n", ids[i], cell.id(), input,
                hidden, batch, time, median, ms[steps / 10], ms[steps * 9 / 10],
                Costs.trainFlops(spec, batch, time, time) / (median * 1e6), probeMs[i][probeMs[i].length / 2]);
        }
    }
}
