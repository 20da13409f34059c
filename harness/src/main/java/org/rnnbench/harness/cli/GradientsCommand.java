package org.rnnbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.gradients.GradientTables;
import org.rnnbench.harness.plan.Matrix;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.plan.Sizes;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.harness.store.ResultsDir;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.sweep.Sweep;

/**
 * {@code rnnbench gradients}: the gradient-decay study. For every cell, backend, initialiser and sequence length,
 * the norm of dL/dh_t against t on a fixed held-out batch at initialisation and after N train steps, with a fitted
 * decay rate and horizon ({@link org.rnnbench.harness.gradients.DecayFit}). Units run through the same resumable
 * {@link Sweep} as {@code run} (without evaluation) into {@code results/gradients-<hash>/}.
 */
@Command(name = "gradients", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Gradient-decay study: |dL/dh_t| against t at initialisation and after N steps, a fitted decay"
        + " rate per step and the horizon (steps back until the norm falls below 1e-3 of the last step's).",
        "Results go to results/gradients-<hash>/ (runs.jsonl, gradients.csv, gradient_norms.csv)."})
public final class GradientsCommand implements Callable<Integer> {
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
        description = "Cells; default all four.")
    List<String> cells;

    @Option(names = "--activations", split = ",", paramLabel = "ACT",
        description = "tanh and/or relu: the plain RNN cells of --cells are run with each (rnn becomes rnn-tanh,"
            + " rnn-relu); LSTM and GRU have fixed activations.")
    List<String> activations;

    @Option(names = "--backends", split = ",", paramLabel = "ID", defaultValue = "scratch,djl",
        description = "Backend ids; default ${DEFAULT-VALUE} (add dl4j for a third opinion: at T=1000 its"
            + " dL/dh_t takes minutes per cell).")
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

    @Option(names = "--optimizer", paramLabel = "OPT", defaultValue = "adam", description = "sgd or adam; default"
        + " ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--clip", paramLabel = "NORM", defaultValue = "1", description = "Gradient clipping; default"
        + " ${DEFAULT-VALUE}.")
    double clip;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", defaultValue = "0", description = "Seeds; default"
        + " ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Mixin
    WorkerOptions workers;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory instead of the default.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int threads = workers.threads();
        var mode = workers.progressMode();
        List<String> taskIds = taskIds();
        List<String> cellIds = cellIds();
        List<Matrix> matrices = new ArrayList<>();
        for (String init : inits) {
            matrices.add(new Matrix(taskIds, cellIds, backends, List.of(hidden), List.of(layers), seeds, init,
                optimizer, lr, clip, 0, batch, steps, Double.NaN));
        }
        List<PlannedUnit> units = new Planner(new TaskCatalog(), Sizes.physicalMemory()).plan(matrices, threads);
        String name = Planner.matrixName("gradients", units.stream().map(PlannedUnit::id).toList());
        Path dir = out != null ? out : Path.of("results", name);
        List<String> command = new ArrayList<>(List.of("rnnbench"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        try (ResultsDir rd = ResultsDir.open(dir, "gradients", name, command)) {
            stderr.println("rnnbench: " + units.size() + " gradient units into " + dir);
            Sweep.Outcome outcome = new Sweep(dir, threads, false, mode, stderr).run(units);
            Set<String> planned = new LinkedHashSet<>(units.stream().map(PlannedUnit::id).toList());
            List<RunRecord> records = new RunStore(dir).records().stream().filter(r -> planned.contains(r.id()))
                .toList();
            GradientTables.write(dir, records);
            GradientTables.print(stdout, records);
            stdout.flush();
            for (Map.Entry<String, String> e : outcome.notStarted().entrySet()) {
                stderr.println("rnnbench: backend " + e.getKey() + " did not run: " + e.getValue());
            }
            stderr.println("rnnbench: results in " + dir + " (" + RunStore.FILE + ", " + GradientTables.FITS + ", "
                + GradientTables.NORMS + ")");
            if (outcome.interrupted()) {
                stderr.println("rnnbench: stopped; run the same command again to resume");
                return Main.EXIT_INTERRUPTED;
            }
            return outcome.notStarted().isEmpty() ? Main.EXIT_OK : Main.EXIT_FAILURE;
        }
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
            CellType type = CellType.parse(Planner.cellId(c));
            if (type == CellType.RNN_TANH || type == CellType.RNN_RELU) {
                activations.forEach(a -> ids.add("rnn-" + a));
            } else {
                ids.add(type.id());
            }
        }
        return List.copyOf(ids);
    }
}
