package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.plan.Matrix;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.Planner;
import org.rnnbench.harness.plan.Sizes;
import org.rnnbench.harness.plan.Suite;
import org.rnnbench.harness.plan.Suites;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.harness.store.RunCsv;
import org.rnnbench.harness.sweep.Summary;

/**
 * {@code rnnbench run}: a suite or an explicit matrix into a results directory, resumably (see
 * {@link org.rnnbench.harness.sweep.Sweep} and {@link SweepTail}).
 * The directory is {@code results/<suite>} (with {@code -threads<N>} for N other than 1) or
 * {@code results/run-<hash of the unit ids>}, so the same command always finds its own results again.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train identical units on every backend and record what they measure.",
        "Give a suite (--suite quick) or a matrix (--tasks ... with the other lists). Results go to"
            + " results/<suite>/ or results/run-<hash>/ (runs.jsonl, runs.csv); running the same command again"
            + " resumes and skips finished units."})
public final class RunCommand implements Callable<Integer>, SweepCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "NAME", description = "smoke, quick or full (see 'rnnbench list suites').")
    String suite;

    @Option(names = "--backends", split = ",", paramLabel = "ID",
        description = "Backend ids; default the main backends, variants left out (see 'rnnbench list backends'; with a"
            + " suite: restricts it).")
    List<String> backends;

    @Mixin
    MatrixOptions matrix;

    @Option(names = "--target-loss", paramLabel = "LOSS",
        description = "Training loss counted as reached for time-to-target; default half of each task's chance"
            + " loss; NaN for none.")
    Double targetLoss;

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
            matrices = matrices.stream().map(m -> m.withTargetLoss(targetLoss)).toList();
        }
        List<PlannedUnit> units = new Planner(new TaskCatalog(), Sizes.physicalMemory()).plan(matrices, threads);
        if (name == null) {
            name = Planner.matrixName("run", units.stream().map(PlannedUnit::id).toList());
        }
        return new SweepTail.Plan("run", name, units, true, List.of(RunCsv.FILE), RunCommand::finish);
    }

    /** What {@code run} writes at its end: runs.csv, the report and the console summary. */
    static void finish(Path dir, List<RunRecord> records, List<PlannedUnit> units, PrintWriter out,
                       PrintWriter err) throws IOException {
        RunCsv.write(dir.resolve(RunCsv.FILE), records);
        EndOfRunReport.write(dir, err);
        Summary.print(out, records, units);
    }
}
