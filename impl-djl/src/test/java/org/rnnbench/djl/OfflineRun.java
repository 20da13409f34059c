package org.rnnbench.djl;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Map;

import org.rnnbench.core.backend.SequenceModel;
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
 * The child JVM of {@link NetworkOffTest}: creates a {@code djl} model with the thread count of its argument,
 * trains two steps and prints what it saw as {@code key=value} lines on stdout.
 */
public final class OfflineRun {
    static final ModelSpec SPEC = new ModelSpec(new InputEncoding.Embedding(7, 4), CellType.LSTM, 6, 2,
        Topology.MANY_TO_MANY, 5, LossType.SOFTMAX_CE);
    static final TrainSpec TRAIN = TrainSpec.adam(0.01, RandomBatches.BATCH, 2, 3).withClipNorm(0.5);

    private OfflineRun() {
    }

    /** @param args the thread count for {@code create} */
    public static void main(String[] args) {
        System.out.println("interfacesUp=" + interfacesUp());
        double[] losses = losses(Integer.parseInt(args[0]));
        System.out.println("loss1=" + losses[0]);
        System.out.println("loss2=" + losses[1]);
        System.out.println("offline=" + System.getProperty(DjlEngine.OFFLINE));
        for (Map.Entry<String, Integer> e : DjlEngine.threadsInEffect().entrySet()) {
            System.out.println(e.getKey() + "=" + e.getValue());
        }
    }

    /** The losses of two Adam steps on a fixed batch from fixed weights. */
    static double[] losses(int threads) {
        Batch batch = RandomBatches.of(SPEC, 11);
        try (SequenceModel m = new DjlBackend().create(SPEC, TRAIN, threads)) {
            m.importWeights(Initializer.initialize(SPEC, Init.PYTORCH, 5));
            return new double[] {m.trainStep(batch), m.trainStep(batch)};
        }
    }

    // network interfaces that are up, loopback aside; Java throws when a namespace has none it can list
    private static long interfacesUp() {
        try {
            return NetworkInterface.networkInterfaces().filter(OfflineRun::upAndNotLoopback).count();
        } catch (SocketException e) {
            return 0;
        }
    }

    private static boolean upAndNotLoopback(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback();
        } catch (SocketException e) {
            return true;
        }
    }
}
