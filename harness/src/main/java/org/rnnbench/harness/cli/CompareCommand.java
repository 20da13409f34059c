package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.store.UserPaths;
import org.rnnbench.reports.compare.Compare;
import org.rnnbench.reports.compare.CompareSettings;
import org.rnnbench.reports.compare.RunNoise;
import org.rnnbench.reports.compare.Comparison;
import org.rnnbench.reports.read.ResultsException;

/**
 * {@code rnnbench compare}: the regression gate. Prints a Markdown summary fit for a CI comment and exits 1 on a
 * regression, 0 otherwise, 2 on bad input.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Judge CURRENT against BASELINE, unit by unit (matched by run id) and backend by backend: step"
        + " time (bootstrap of the per-step times plus the between-run noise of the comparison), the primary"
        + " metric (against the baseline's seed spread and distance to chance) and the run status. Units on one"
        + " side only are listed. Prints Markdown.",
        "Exit codes: 0 no regression, 1 a regression, 2 bad input."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", split = ",", arity = "1",
        description = "The baseline results directory, or several separated by commas: repeated runs of the same"
            + " command, pooled unit by unit (a comparison of 3 runs a side allows for far less run-to-run noise).")
    List<Path> baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", split = ",", arity = "1",
        description = "The current results directory, or several separated by commas.")
    List<Path> current;

    @Option(names = "--threshold", paramLabel = "T", description = "Step-time change that counts, as 0.1 or 10%%"
        + " (default 10%%): a regression needs the estimate of current/baseline above 1 + T and its whole"
        + " interval above 1.")
    String threshold = Double.toString(CompareSettings.DEFAULTS.threshold());

    @Option(names = "--metric-sigmas", paramLabel = "K", description = "A metric change counts beyond K seed"
        + " standard deviations of the baseline (default 3) ...")
    double metricSigmas = CompareSettings.DEFAULTS.metricSigmas();

    @Option(names = "--chance-fraction", paramLabel = "F", description = "... or beyond F of the baseline's"
        + " distance to chance, whichever is larger (default 10%%).")
    String chanceFraction = Double.toString(CompareSettings.DEFAULTS.chanceFraction());

    @Option(names = "--warmup", paramLabel = "F", description = "Fraction of each run's first steps left out of step"
        + " times (default 10%%).")
    String warmup = Double.toString(CompareSettings.DEFAULTS.warmupFraction());

    @Option(names = "--allow-machine-change", description = "Judge step times relative to the machine's measured"
        + " speed even when the two sides' calibrations differ by more than the machine tolerance (refused otherwise,"
        + " exit 2).")
    boolean allowMachineChange;

    @Option(names = "--machine-tolerance", paramLabel = "F", description = "How far the two sides' calibrations may"
        + " differ before the machines count as not comparable (default 25%%).")
    String machineTolerance = Double.toString(CompareSettings.DEFAULTS.machineTolerance());

    @Option(names = "--run-noise", paramLabel = "F", description = "Run-to-run noise of a whole backend's step times"
        + " on this machine, as 0.1 or 10%%, or per backend as ID=20%%,ID=5%%,10%% (a bare value for the rest;"
        + " default 10%%, measured on a 2-vCPU cloud VM); reports/scripts/gate-rates.sh measures yours.")
    String runNoise = Double.toString(CompareSettings.DEFAULT_RUN_NOISE);

    @Option(names = "--unit-noise", paramLabel = "F", description = "Least run-to-run noise of one unit beyond its"
        + " backend's shift, as 0.3 or 30%% (default 30%%); gate-rates.sh measures yours.")
    String unitNoise = Double.toString(CompareSettings.DEFAULTS.unitNoise());

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the summary to FILE.")
    Path markdown;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (markdown != null) {
            UserPaths.requireOutputFile("--markdown", markdown);
        }
        Comparison c;
        try {
            CompareSettings settings = CompareSettings.DEFAULTS
                .withThreshold(CompareSettings.parseFraction("--threshold", threshold))
                .withMetricSigmas(metricSigmas)
                .withChanceFraction(CompareSettings.parseFraction("--chance-fraction", chanceFraction))
                .withWarmupFraction(CompareSettings.parseFraction("--warmup", warmup))
                .withAllowMachineChange(allowMachineChange)
                .withMachineTolerance(CompareSettings.parseFraction("--machine-tolerance", machineTolerance))
                .withRunNoise(RunNoise.parse("--run-noise", runNoise, CompareSettings.DEFAULT_RUN_NOISE))
                .withUnitNoise(CompareSettings.parseFraction("--unit-noise", unitNoise));
            c = Compare.run(baseline, current, settings);
        } catch (ResultsException | IllegalArgumentException e) {
            throw new UsageException("compare: " + UsageException.firstLine(e.getMessage()));
        }
        PrintWriter stderr = spec.commandLine().getErr();
        c.warnings().forEach(w -> stderr.println("rnnbench: warning: " + w));
        stderr.flush();
        String summary = c.markdown();
        stdout.print(summary);
        stdout.flush();
        if (markdown != null) {
            Files.writeString(markdown, summary, StandardCharsets.UTF_8);
        }
        return c.exitCode();
    }
}
