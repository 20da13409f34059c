package org.rnnbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.store.UserPaths;
import org.rnnbench.reports.Reports;
import org.rnnbench.reports.WrittenReport;
import org.rnnbench.reports.compare.CompareSettings;
import org.rnnbench.reports.read.ResultsException;
import org.rnnbench.reports.stats.StepTimes;

/** {@code rnnbench report}: tables, plots and one self-contained HTML page from a results directory. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Tables (CSV, Markdown), PNG plots and one self-contained report.html from the run records of a"
        + " results directory (every *.jsonl below it), written to RESULTS_DIR/report/.",
        "A partial last line (a run killed while writing) is skipped with a warning; any other bad line stops"
            + " with its file:line (exit 2)."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A results directory, e.g. results/quick.")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Where to write the report (default RESULTS_DIR/report).")
    Path out;

    @Option(names = "--warmup", paramLabel = "F", description = "Fraction of each run's first steps left out of step"
        + " times, as 0.1 or 10%% (default 10%%).")
    String warmup = Double.toString(StepTimes.DEFAULT_WARMUP);

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path target = out != null ? out : dir.resolve(Reports.DIR);
        if (Files.isDirectory(dir)) {
            UserPaths.requireOutputDirectory("--out", target);
        }
        WrittenReport w;
        try {
            w = Reports.write(dir, target,
                CompareSettings.parseFraction("--warmup", warmup));
        } catch (ResultsException | IllegalArgumentException e) {
            throw new UsageException("report: " + UsageException.firstLine(e.getMessage()));
        }
        w.warnings().forEach(line -> stderr.println("rnnbench: warning: " + line));
        stdout.println("wrote " + w.html() + " (" + w.runs() + " runs, " + w.tables() + " tables, " + w.plots()
            + " plots)");
        stdout.flush();
        return Main.EXIT_OK;
    }
}
