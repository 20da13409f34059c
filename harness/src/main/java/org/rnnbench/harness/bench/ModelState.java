package org.rnnbench.harness.bench;

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
 * of steps stay finite. The shape of the speed figures of docs/SPEED.md: I=32, H=128, B=32, T=100.
 *
 * <p>The backend's settings are applied in the fork as far as a fork can ({@link ForkSettings}): its system
 * properties are set here, but environment variables (ND4J and OpenBLAS read {@code OMP_NUM_THREADS} before the fork
 * starts) and JIT options (the scratch backend's {@code -XX:-UseTypeSpeculation}) must be given when starting the jar,
 * for that backend's forks only; a warning says so otherwise ({@code scripts/speed-table.sh} does).
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
        Backend b = Backends.get(backend);
        ForkSettings.apply(b, threads);
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
