package org.rnnbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.plan.Matrix;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.plan.Sizes;
import org.rnnbench.harness.plan.Suite;
import org.rnnbench.harness.plan.Suites;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.harness.progress.Progress;
import org.rnnbench.harness.store.ResultsDir;
import org.rnnbench.harness.store.RunCsv;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.sweep.Summary;
import org.rnnbench.harness.sweep.Sweep;

/**
 * {@code rnnbench run}: a suite or an explicit matrix into a results directory, resumably (see {@link Sweep}).
 * The directory is {@code results/<suite>} (with {@code -threads<N>} for N other than 1) or
 * {@code results/run-<hash of the unit ids>}, so the same command always finds its own results again.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train identical units on every backend and record what they measure.",
        "Give a suite (--suite quick) or a matrix (--tasks ... with the other lists). Results go to"
            + " results/<suite>/ or results/run-<hash>/ (runs.jsonl, runs.csv); running the same command again"
            + " resumes and skips finished units."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "NAME", description = "smoke, quick or full (see 'rnnbench list suites').")
    String suite;

    @Option(names = "--backends", split = ",", paramLabel = "ID",
        description = "Backend ids; default scratch,dl4j,djl (with a suite: restricts it).")
    List<String> backends;

    @Mixin
    MatrixOptions matrix;

    @Option(names = "--target-loss", paramLabel = "LOSS",
        description = "Training loss counted as reached for time-to-target; default half of each task's chance"
            + " loss; NaN for none.")
    Double targetLoss;

    @Mixin
    WorkerOptions workers;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory instead of the default.")
    Path out;

    @Option(names = "--retry-failed", description = "Run units recorded as FAILED again (their records are"
        + " replaced).")
    boolean retryFailed;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int threads = workers.threads();
        Progress.Mode mode = workers.progressMode();
        String name;
        List<Matrix> matrices;
        if (suite != null) {
            Set<String> clash = MatrixOptions.NAMES.stream()
                .filter(o -> spec.commandLine().getParseResult().hasMatchedOption(o)).collect(Collectors.toSet());
            if (!clash.isEmpty()) {
                throw new UsageException("--suite " + suite + " cannot be combined with " + String.join(", ", clash)
                    + "; give either a suite (optionally with --backends) or a matrix");
            }
            Suite s = Suites.get(suite);
            if (backends != null) {
                s = s.withBackends(backends);
            }
            matrices = s.matrices();
            name = threads == 1 ? s.name() : s.name() + "-threads" + threads;
        } else {
            if (matrix.tasks == null) {
                throw new UsageException("run needs --suite NAME (smoke, quick, full) or a matrix starting with"
                    + " --tasks ID,...; see 'rnnbench run --help'");
            }
            matrices = List.of(matrix.matrix(backends, targetLoss));
            name = null;
        }
        if (targetLoss != null && suite != null) {
            matrices = matrices.stream().map(m -> new Matrix(m.tasks(), m.cells(), m.backends(), m.hidden(),
                m.layers(), m.seeds(), m.init(), m.optimizer(), m.lr(), m.clip(), m.tbptt(), m.batch(), m.steps(),
                targetLoss)).toList();
        }
        List<PlannedUnit> units = new Planner(new TaskCatalog(), Sizes.physicalMemory()).plan(matrices, threads);
        if (name == null) {
            name = Planner.matrixName("run", units.stream().map(PlannedUnit::id).toList());
        }
        Path dir = out != null ? out : Path.of("results", name);
        List<String> command = new ArrayList<>(List.of("rnnbench"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        try (ResultsDir rd = ResultsDir.open(dir, "run", name, command)) {
            RunStore store = new RunStore(dir);
            if (retryFailed) {
                int dropped = store.dropFailed();
                stderr.println("rnnbench: " + dropped + " failed unit(s) will run again");
            }
            stderr.println("rnnbench: " + units.size() + " units into " + dir);
            Sweep.Outcome outcome = new Sweep(dir, threads, true, mode, stderr).run(units);
            List<RunRecord> records = store.records();
            RunCsv.write(dir.resolve(RunCsv.FILE), records);
            EndOfRunReport.write(dir, stderr);
            Summary.print(stdout, records, units);
            stdout.flush();
            for (Map.Entry<String, String> e : outcome.notStarted().entrySet()) {
                stderr.println("rnnbench: backend " + e.getKey() + " did not run: " + e.getValue()
                    + "; its units stay pending, run the same command again to retry");
            }
            stderr.println("rnnbench: results in " + dir + " (" + RunStore.FILE + ", " + RunCsv.FILE + "); "
                + outcome.ran() + " unit(s) ran now, " + outcome.skipped() + " were already done");
            if (outcome.interrupted()) {
                stderr.println("rnnbench: stopped; run the same command again to resume");
                return Main.EXIT_INTERRUPTED;
            }
            return outcome.notStarted().isEmpty() ? Main.EXIT_OK : Main.EXIT_FAILURE;
        }
    }
}
