package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.fork.WorkerSettings;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.store.UserPaths;
import org.rnnbench.harness.verify.ProbeRunner;
import org.rnnbench.harness.verify.VerifyCase;
import org.rnnbench.harness.verify.VerifyReport;

/**
 * {@code rnnbench verify}: cross-backend equivalence of the recurrent layer. Every backend, in its own worker JVM,
 * computes the outputs, final states and gradients of {@code L = 0.5 * sum(output^2)} with respect to the input
 * and every weight for the same weights and input; every pair is compared.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Check that the backends compute the same recurrent layer: outputs, final states and the"
        + " gradients of L = 0.5*sum(output^2) w.r.t. input and weights; exits 1 above the tolerance.",
        "Weights are random or --weights FILE (a PyTorch nn.RNN/LSTM/GRU state_dict as safetensors; layers and"
            + " sizes are read from it); input is random or --input FILE (tensor 'input', shape (B, T, I), batch"
            + " first)."})
public final class VerifyCommand implements Callable<Integer> {
    static final int MAX_SIZE = 4096;
    static final int MAX_BATCH = 1024;
    static final int MAX_TIME = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = {"--cell", "--cells"}, split = ",", paramLabel = "CELL",
        description = "rnn-tanh, rnn-relu, lstm, gru, min-gru, min-lstm; default all six (with --weights: exactly"
            + " one).")
    List<String> cells;

    @Option(names = "--weights", paramLabel = "FILE", description = "safetensors with PyTorch weight names.")
    Path weightsFile;

    @Option(names = "--input", paramLabel = "FILE", description = "safetensors with tensor 'input' (B, T, I).")
    Path inputFile;

    @Option(names = "--backends", split = ",", paramLabel = "ID", description = "Backends; default every one"
        + " found, variants included.")
    List<String> backends;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "16", description = "Random weights: hidden size;"
        + " default ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--layers", paramLabel = "L", defaultValue = "2", description = "Random weights: layers;"
        + " default ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--input-size", paramLabel = "I", defaultValue = "8", description = "Random weights: input"
        + " size; default ${DEFAULT-VALUE}.")
    int inputSize;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "4", description = "Random input: batch; default"
        + " ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--time", paramLabel = "T", defaultValue = "12", description = "Random input: time steps;"
        + " default ${DEFAULT-VALUE}.")
    int time;

    @Option(names = "--init", paramLabel = "INIT", defaultValue = "pytorch", description = "Random weights:"
        + " initialiser; default ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0", description = "Random weights and input:"
        + " seed; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--tolerance", paramLabel = "REL", defaultValue = "1e-4", description = "Largest relative error"
        + " max|a-b|/max|b| accepted; default ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--dump", paramLabel = "FILE", description = "Write every backend's tensors to a safetensors"
        + " file: <id>/output, <id>/h_n, <id>/c_n, <id>/grad/input, <id>/grad/<weight> (and input and weights).")
    Path dump;

    @Mixin
    WorkerOptions workers;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkerSettings settings = workers.settings();
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new UsageException("--tolerance " + tolerance + ": must be a finite number above 0, e.g. 1e-4");
        }
        if (dump != null) {
            UserPaths.requireOutputFile("--dump", dump);
        }
        Map<String, VerifyCase> cases = cases();
        List<String> ids = backendIds();
        Path work = Files.createTempDirectory("rnnbench-verify");
        try {
            Map<String, Map<String, ProbeRunner.Result>> results = new ProbeRunner(work, settings, err).run(cases,
                ids);
            VerifyReport report = new VerifyReport(tolerance);
            for (Map.Entry<String, VerifyCase> c : cases.entrySet()) {
                Map<String, ProbeRunner.Result> byBackend = new LinkedHashMap<>();
                for (String id : ids) {
                    byBackend.put(id, results.get(id).get(c.getKey()));
                }
                report.add(out, c.getKey(), c.getValue(), byBackend);
            }
            VerifyReport.Outcome outcome = report.finish(out);
            if (dump != null) {
                writeDump(cases, results, ids);
                out.println("verify: tensors written to " + dump);
            }
            out.flush();
            if (outcome == VerifyReport.Outcome.NOTHING_COMPARED) {
                throw new UsageException("verify: no pair of backends left to compare on " + String.join(", ",
                    report.uncompared()) + " (backends " + String.join(",", ids) + "); give at least two backends"
                    + " that run the cell");
            }
            return outcome == VerifyReport.Outcome.PASSED ? Main.EXIT_OK : Main.EXIT_MISMATCH;
        } finally {
            deleteTree(work);
        }
    }

    /** The cases by name (the cell id). */
    Map<String, VerifyCase> cases() {
        List<CellType> types = new ArrayList<>();
        for (String c : cells == null ? Arrays.stream(CellType.values()).map(CellType::id).toList() : cells) {
            try {
                types.add(CellType.parse(c));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--cell: " + UsageException.firstLine(e.getMessage()));
            }
        }
        if (weightsFile != null && (cells == null || types.size() != 1)) {
            throw new UsageException("--weights needs exactly one --cell (" + CellType.ids() + ") to say"
                + " which PyTorch module the file holds");
        }
        Planner.checkRange("--batch", batch, 1, MAX_BATCH);
        Planner.checkRange("--time", time, 1, MAX_TIME);
        Init scheme = Init.parse(Planner.initId(init));
        Map<String, VerifyCase> cases = new LinkedHashMap<>();
        for (CellType type : types) {
            VerifyCase c;
            if (weightsFile != null) {
                VerifyCase.CellSpecAndWeights w = VerifyCase.readWeights(weightsFile, type);
                Tensor x = inputFile != null ? VerifyCase.readInput(inputFile, w.cell(), MAX_BATCH, MAX_TIME)
                    : VerifyCase.random(w.cell(), scheme, seed, batch, time).input();
                c = new VerifyCase(w.cell(), w.weights(), x, "weights " + weightsFile + ", " + (inputFile != null
                    ? "input " + inputFile : "random input (seed " + seed + ")"));
            } else {
                Planner.checkRange("--hidden", hidden, 1, MAX_SIZE);
                Planner.checkRange("--layers", layers, 1, 16);
                Planner.checkRange("--input-size", inputSize, 1, MAX_SIZE);
                CellSpec cell = new CellSpec(type, inputSize, hidden, layers);
                if (inputFile != null) {
                    Tensor x = VerifyCase.readInput(inputFile, cell, MAX_BATCH, MAX_TIME);
                    VerifyCase r = VerifyCase.random(cell, scheme, seed, x.dim(0), x.dim(1));
                    c = new VerifyCase(cell, r.weights(), x, r.description() + ", input " + inputFile);
                } else {
                    c = VerifyCase.random(cell, scheme, seed, batch, time);
                }
            }
            cases.put(type.id(), c);
        }
        return cases;
    }

    /** The backends, checked; by default every one found, the reference ({@link Backend#isReference}) first. */
    List<String> backendIds() {
        List<String> ids = new ArrayList<>();
        if (backends == null) {
            Backends.referenceFirst(Backends.available()).stream().map(Backend::id).forEach(ids::add);
        } else {
            for (String b : backends) {
                String id = Planner.backendId(b);
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        if (ids.size() < 2) {
            throw new UsageException("--backends " + String.join(",", ids) + ": verify compares backends, give at"
                + " least two (known: " + Backends.ids() + ")");
        }
        return ids;
    }

    private void writeDump(Map<String, VerifyCase> cases, Map<String, Map<String, ProbeRunner.Result>> results,
                           List<String> ids) throws IOException {
        List<Tensor> tensors = new ArrayList<>();
        boolean prefixCell = cases.size() > 1;
        for (Map.Entry<String, VerifyCase> c : cases.entrySet()) {
            String prefix = prefixCell ? c.getKey() + "/" : "";
            tensors.add(c.getValue().input().renamed(prefix + VerifyCase.INPUT));
            for (Tensor w : c.getValue().weights().tensors()) {
                tensors.add(w.renamed(prefix + w.name()));
            }
            for (String id : ids) {
                ProbeRunner.Result r = results.get(id).get(c.getKey());
                if (r.tensors() != null) {
                    r.tensors().forEach((name, t) -> tensors.add(t.renamed(prefix + id + "/" + name)));
                }
            }
        }
        SafeTensors.write(dump, tensors, Map.of("format", "pt"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
