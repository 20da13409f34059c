package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.rnnbench.harness.plan.UnitNames;
import org.rnnbench.harness.plan.OptionCheck;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.gradients.GradientTables;
import org.rnnbench.harness.plan.DefaultBackends;
import org.rnnbench.harness.plan.Matrix;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.plan.Sizes;
import org.rnnbench.harness.plan.TaskCatalog;

/**
 * {@code rnnbench gradients}: the gradient-decay study. For every cell, backend, initialiser and sequence length,
 * the norm of dL/dh_t against t on a fixed held-out batch at initialisation and after N train steps, with a fitted
 * decay rate and horizon ({@link org.rnnbench.harness.gradients.DecayFit}). Units run through the same resumable
 * {@link SweepTail} as {@code run} (without evaluation) into {@code results/gradients-<hash>/}.
 */
@Command(name = "gradients", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Gradient-decay study: |dL/dh_t| against t at initialisation and after N steps, a fitted decay"
        + " rate per step and the horizon (steps back until the norm falls below 1e-3 of the last step's).",
        "Results go to results/gradients-<hash>/ (runs.jsonl, gradients.csv, gradient_norms.csv)."})
public final class GradientsCommand implements Callable<Integer>, SweepCommand {
    static final String LENGTH = "{T}";

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "PATTERN", defaultValue = "adding-T{T}",
        description = "Task id; {T} is replaced by each length; default ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--lengths", split = ",", paramLabel = "T", defaultValue = "100,1000",
        description = "Sequence lengths; default ${DEFAULT-VALUE}.")
    List<Integer> lengths;

    @Option(names = "--cells", split = ",", paramLabel = "CELL", defaultValue = "rnn-tanh,rnn-relu,lstm,gru",
        description = "Cells: rnn-tanh, rnn-relu, lstm, gru, min-gru, min-lstm; default the first four.")
    List<String> cells;

    @Option(names = "--activations", split = ",", paramLabel = "ACT",
        description = "tanh and/or relu: the plain RNN cells of --cells are run with each (rnn becomes rnn-tanh,"
            + " rnn-relu); the other cells have fixed activations.")
    List<String> activations;

    @Option(names = "--backends", split = ",", paramLabel = "ID",
        description = "Backend ids; default the main backends that are quick per cell step by their own cost rates"
            + " (see 'rnnbench list backends'; add the others for more opinions: at T=1000 DL4J's dL/dh_t takes"
            + " minutes per cell).")
    List<String> backends;

    @Option(names = "--inits", split = ",", paramLabel = "INIT", defaultValue = "pytorch",
        description = "Initialisers: pytorch, xavier, kaiming, orthogonal, identity; default ${DEFAULT-VALUE}.")
    List<String> inits;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "64", description = "Hidden size; default"
        + " ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--layers", paramLabel = "L", defaultValue = "1", description = "Layers; default"
        + " ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
        description = "Train steps before the second measurement (0: at initialisation only); default"
            + " ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "16", description = "Batch size; default"
        + " ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3", description = "Learning rate; default"
        + " ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--optimizer", paramLabel = "OPT", defaultValue = "adam",
        description = "sgd, adam or rmsprop; default ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--clip", paramLabel = "NORM", defaultValue = "1", description = "Gradient clipping; default"
        + " ${DEFAULT-VALUE}.")
    double clip;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", defaultValue = "0", description = "Seeds; default"
        + " ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Mixin
    SweepOptions sweep;

    @Override
    public Integer call() throws Exception {
        return SweepTail.execute(spec, sweep, plan());
    }

    @Override
    public SweepOptions sweepOptions() {
        return sweep;
    }

    @Override
    public SweepTail.Plan plan() {
        int threads = sweep.workers.threads();
        List<String> taskIds = taskIds();
        List<String> cellIds = cellIds();
        List<Matrix> matrices = new ArrayList<>();
        for (String init : inits) {
            matrices.add(new Matrix(taskIds, cellIds, backends != null ? backends : DefaultBackends.quick(),
                List.of(hidden), List.of(layers), seeds, init,
                optimizer, lr, clip, 0, batch, steps, Double.NaN));
        }
        List<PlannedUnit> units = new Planner(new TaskCatalog(), Sizes.physicalMemory()).plan(matrices, threads);
        String name = UnitNames.matrixName("gradients", units.stream().map(PlannedUnit::id).toList());
        return new SweepTail.Plan("gradients", name, units, false, List.of(GradientTables.FITS, GradientTables.NORMS),
            GradientsCommand::finish);
    }

    /** What {@code gradients} writes at its end: the fits and curves of the planned units, and their table. */
    static void finish(Path dir, List<RunRecord> records, List<PlannedUnit> units, PrintWriter out,
                       PrintWriter err) throws IOException {
        Set<String> planned = units.stream().map(PlannedUnit::id).collect(Collectors.toSet());
        List<RunRecord> mine = records.stream().filter(r -> planned.contains(r.id())).toList();
        GradientTables.write(dir, mine);
        GradientTables.print(out, mine);
    }

    /** The task ids: the pattern with each length, or the task itself when it has no {T}. */
    List<String> taskIds() {
        if (!task.contains(LENGTH)) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--lengths")) {
                throw new UsageException("--task " + task + " has no " + LENGTH + " for --lengths to fill; drop"
                    + " --lengths or give a pattern such as adding-T{T}");
            }
            return List.of(task);
        }
        List<String> ids = new ArrayList<>();
        for (int t : lengths) {
            ids.add(task.replace(LENGTH, Integer.toString(t)));
        }
        return ids;
    }

    /** The cells, with the plain RNN expanded over --activations. */
    List<String> cellIds() {
        if (activations == null) {
            return cells;
        }
        for (String a : activations) {
            if (!a.equals("tanh") && !a.equals("relu")) {
                throw new UsageException("--activations " + a + ": unknown activation; use tanh and/or relu");
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String c : cells) {
            CellType type = CellType.parse(OptionCheck.cellId(c));
            if (type == CellType.RNN_TANH || type == CellType.RNN_RELU) {
                activations.forEach(a -> ids.add("rnn-" + a));
            } else {
                ids.add(type.id());
            }
        }
        return List.copyOf(ids);
    }
}
