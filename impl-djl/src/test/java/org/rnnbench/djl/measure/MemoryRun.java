package org.rnnbench.djl.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
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
import org.rnnbench.djl.DjlModel;

/**
 * Resident memory over a long run: {@code MemoryRun <backend id> <steps>}. A 2-layer LSTM (embedding, many-to-many
 * cross-entropy, B = 8, T = 20 with variable lengths, Adam with clipping) trains for the given steps on 16 cycling
 * batches; every 100th step also runs forward, gradients and the hidden-gradient probe. Twenty times during the run
 * it prints the process's RSS, the Java heap in use and the arrays the model's manager holds. Run it with a fixed
 * heap ({@code -Xms256m -Xmx256m -XX:+AlwaysPreTouch}) so that heap growth does not hide native growth.
 */
public final class MemoryRun {
    private MemoryRun() {
    }

    /** @param args backend id and number of steps */
    public static void main(String[] args) throws IOException {
        Backend backend = Backends.get(args[0]);
        int steps = Integer.parseInt(args[1]);
        ModelSpec spec = new ModelSpec(new InputEncoding.Embedding(16, 8), CellType.LSTM, 32, 2,
            Topology.MANY_TO_MANY, 16, LossType.SOFTMAX_CE);
        TrainSpec train = TrainSpec.adam(1e-3, 8, steps, 1).withClipNorm(1);
        Batch[] batches = new Batch[16];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = RandomBatches.of(spec, 8, 20, 20, i);
        }
        System.out.printf(Locale.ROOT, "# %s %s B=8 T=20 Adam clip=1, %d steps%n", backend.id(), spec.id(), steps);
        System.out.printf(Locale.ROOT, "%8s %9s %9s %7s %9s %8s%n", "step", "RSS MB", "heap MB", "arrays", "loss",
            "seconds");
        long start = System.nanoTime();
        try (DjlModel m = (DjlModel) backend.create(spec, train, 1)) {
            m.importWeights(Initializer.initialize(spec, Init.PYTORCH, 1));
            report(0, m, Double.NaN, start);
            for (int step = 1; step <= steps; step++) {
                Batch batch = batches[step % batches.length];
                double loss = m.trainStep(batch);
                if (step % 100 == 0) {
                    m.forward(batch);
                    m.gradients(batch);
                    m.hiddenGradientNorms(batch);
                }
                if (step % Math.max(1, steps / 20) == 0) {
                    report(step, m, loss, start);
                }
            }
        }
    }

    private static void report(int step, DjlModel m, double loss, long start) throws IOException {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%8d %9.1f %9.1f %7d %9.4f %8.1f%n", step, rssMegabytes(),
            (rt.totalMemory() - rt.freeMemory()) / 1e6, m.liveArrays(), loss, (System.nanoTime() - start) / 1e9);
    }

    private static double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
