package org.rnnbench.harness.cli;

import java.util.List;

import picocli.CommandLine.Option;

import org.rnnbench.harness.plan.Matrix;
import org.rnnbench.harness.plan.Suites;

/** The options of an explicit run matrix: every combination of the lists, with one training setting. */
public final class MatrixOptions {
    /** The options that define a matrix (they cannot be combined with a suite). */
    static final List<String> NAMES = List.of("--tasks", "--cells", "--hidden", "--layers", "--seeds", "--steps",
        "--batch", "--lr", "--optimizer", "--clip", "--tbptt", "--init");

    @Option(names = "--tasks", split = ",", paramLabel = "ID",
        description = "Task ids, e.g. adding-T50,copy-T10-K8 (see 'rnnbench list tasks').")
    List<String> tasks;

    @Option(names = "--cells", split = ",", paramLabel = "CELL", defaultValue = "rnn-tanh,rnn-relu,lstm,gru",
        description = "Cells: rnn-tanh, rnn-relu, lstm, gru, min-gru, min-lstm; default the first four.")
    List<String> cells;

    @Option(names = "--hidden", split = ",", paramLabel = "H", defaultValue = "32",
        description = "Hidden sizes; default ${DEFAULT-VALUE}.")
    List<Integer> hidden;

    @Option(names = "--layers", split = ",", paramLabel = "L", defaultValue = "1",
        description = "Layer counts; default ${DEFAULT-VALUE}.")
    List<Integer> layers;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", defaultValue = "0",
        description = "Seeds (initial weights and batches derive from each); default ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200",
        description = "Train steps per unit; default ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "32",
        description = "Batch size; default ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3",
        description = "Learning rate; default ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--optimizer", paramLabel = "OPT", defaultValue = "adam",
        description = "sgd, adam or rmsprop; default ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--clip", paramLabel = "NORM", defaultValue = "1",
        description = "Global-norm gradient clipping, 0 for none; default ${DEFAULT-VALUE}.")
    double clip;

    @Option(names = "--tbptt", paramLabel = "STEPS", defaultValue = "0",
        description = "Truncated BPTT length (many-to-many tasks), 0 for full BPTT; default ${DEFAULT-VALUE}.")
    int tbptt;

    @Option(names = "--init", paramLabel = "INIT", defaultValue = "pytorch",
        description = "Initialiser: pytorch, xavier, kaiming, orthogonal, identity; default ${DEFAULT-VALUE}.")
    String init;

    /** The matrix on {@code backends}, with a target loss (null for each task's default). */
    Matrix matrix(List<String> backends, Double targetLoss) {
        return new Matrix(tasks, cells, backends == null ? Suites.mainBackends() : backends, hidden, layers, seeds,
            init, optimizer, lr, clip, tbptt, batch, steps, targetLoss);
    }
}
