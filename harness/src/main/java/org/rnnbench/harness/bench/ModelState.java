package org.rnnbench.harness.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
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

/**
 * One backend's model and a fixed batch, made once per trial: a dense input of {@value #INPUT} features read by a
 * one-layer stack, a linear head with one output on the last step (many-to-one, MSE), initial weights from core's
 * {@link Initializer} (PyTorch's scheme, seed 0) and Adam at a small learning rate with clipping, so that thousands
 * of steps stay finite. The shape of DESIGN.md's speed figures: I=32, H=128, B=32, T=100.
 *
 * <p>ND4J and OpenBLAS read {@code OMP_NUM_THREADS} from the environment before the JMH fork starts; JMH cannot
 * set it per fork, so run the jar with it set to {@code threads} (a warning says so otherwise). Likewise the
 * backend's own {@link Backend#jvmOptions()}, which the forks of a benchmark over every backend do not carry: for
 * the scratch backend run with {@code -jvmArgsPrepend -XX:-UseTypeSpeculation} (a warning says so otherwise;
 * {@code scripts/speed-table.sh} does).
 */
@State(Scope.Benchmark)
public class ModelState {
    /** The input features per step. */
    public static final int INPUT = 32;

    /** The backend id. */
    @Param({"scratch", "dl4j", "djl"})
    public String backend;

    /** The cell id. */
    @Param({"rnn-tanh", "rnn-relu", "lstm", "gru"})
    public String cell;

    /** H. */
    @Param({"128"})
    public int hidden;

    /** B. */
    @Param({"32"})
    public int batch;

    /** T. */
    @Param({"100"})
    public int seqLen;

    /** The backend's compute threads. */
    @Param({"1"})
    public int threads;

    /** The model, weights imported. */
    SequenceModel model;
    /** The batch every invocation uses. */
    Batch data;

    /** Makes the model and the batch. */
    @Setup(Level.Trial)
    public void setUp() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (backend.startsWith("dl4j") && !Integer.toString(threads).equals(omp)) {
            System.err.println("warning: OMP_NUM_THREADS is " + omp + ", not " + threads + "; ND4J reads it before"
                + " the fork starts (run: OMP_NUM_THREADS=" + threads + " java -jar benchmarks.jar ...)");
        }
        Backend b = Backends.get(backend);
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = b.jvmOptions().stream().filter(o -> !arguments.contains(o)).toList();
        if (!missing.isEmpty()) {
            System.err.println("warning: the " + backend + " backend runs with the JVM options " + missing
                + ", which this fork lacks (run: java -jar benchmarks.jar ... -jvmArgsPrepend \""
                + String.join(" ", missing) + "\")");
        }
        ModelSpec spec = new ModelSpec(new InputEncoding.Dense(INPUT), CellType.parse(cell), hidden, 1,
            Topology.MANY_TO_ONE, 1, LossType.MSE);
        TrainSpec train = TrainSpec.adam(1e-4, batch, Integer.MAX_VALUE, 0).withClipNorm(1.0);
        b.unsupportedReason(spec, train).ifPresent(reason -> {
            throw new IllegalStateException(backend + " cannot run " + spec.id() + ": " + reason);
        });
        model = b.create(spec, train, threads);
        model.importWeights(Initializer.initialize(spec, Init.PYTORCH, 0));
        data = batch(batch, seqLen);
    }

    /** Frees the model. */
    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }

    /** A batch of U(-1, 1) inputs (B, T, 32) and U(0, 1) targets (B, 1, 1), fixed by seed 0. */
    static Batch batch(int batch, int time) {
        SplittableRandom r = new SplittableRandom(0);
        float[] x = new float[batch * time * INPUT];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        float[] y = new float[batch];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) r.nextDouble();
        }
        return new Batch(Sequences.dense(batch, time, INPUT, x), Sequences.dense(batch, 1, 1, y));
    }
}
