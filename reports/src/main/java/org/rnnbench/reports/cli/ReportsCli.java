package org.rnnbench.reports.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.rnnbench.reports.Reports;
import org.rnnbench.reports.WrittenReport;
import org.rnnbench.reports.compare.Compare;
import org.rnnbench.reports.compare.CompareSettings;
import org.rnnbench.reports.compare.Comparison;
import org.rnnbench.reports.read.ResultsException;
import org.rnnbench.reports.stats.StepTimes;

/**
 * {@code report RESULTS_DIR [--out DIR] [--warmup F]} and
 * {@code compare BASELINE CURRENT [--threshold T] [--metric-sigmas K] [--chance-fraction F] [--warmup F]
 * [--markdown FILE]}. Fractions are given as {@code 0.1} or {@code 10%}. Exit codes: 0 done (no regression), 1 a
 * regression, 2 bad input or usage, with one line on standard error.
 */
public final class ReportsCli {
    /** The usage text. */
    public static final String USAGE = "usage: report RESULTS_DIR [--out DIR] [--warmup F]\n"
        + "       compare BASELINE CURRENT [--threshold T] [--metric-sigmas K] [--chance-fraction F] [--warmup F]"
        + " [--markdown FILE]";

    private ReportsCli() {
    }

    /** Runs a command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return Comparison.BAD_INPUT;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "report" -> report(rest, out, err);
                case "compare" -> compare(rest, out);
                default -> throw new IllegalArgumentException("unknown command '" + args.get(0)
                    + "'; the commands are report and compare");
            };
        } catch (ResultsException | IllegalArgumentException | UncheckedIOException e) {
            err.println("rnnbench " + args.get(0) + ": " + e.getMessage());
            return Comparison.BAD_INPUT;
        }
    }

    static int report(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, 1, List.of("--out", "--warmup"));
        Path dir = Path.of(o.positional().get(0));
        double warmup = o.fraction("--warmup", StepTimes.DEFAULT_WARMUP);
        Path outDir = o.value("--out").map(Path::of).orElse(dir.resolve(Reports.DIR));
        WrittenReport w = Reports.write(dir, outDir, warmup);
        w.warnings().forEach(line -> err.println("warning: " + line));
        out.println("wrote " + w.html() + " (" + w.runs() + " runs, " + w.tables() + " tables, " + w.plots()
            + " plots)");
        return 0;
    }

    static int compare(List<String> args, PrintStream out) {
        Options o = Options.parse(args, 2, List.of("--threshold", "--metric-sigmas", "--chance-fraction", "--warmup",
            "--markdown"));
        CompareSettings d = CompareSettings.DEFAULTS;
        CompareSettings settings = d.withThreshold(o.fraction("--threshold", d.threshold()))
            .withMetricSigmas(o.number("--metric-sigmas", d.metricSigmas()))
            .withChanceFraction(o.fraction("--chance-fraction", d.chanceFraction()))
            .withWarmupFraction(o.fraction("--warmup", d.warmupFraction()));
        Comparison c = Compare.run(Path.of(o.positional().get(0)), Path.of(o.positional().get(1)), settings);
        String markdown = c.markdown();
        out.print(markdown);
        if (o.value("--markdown").isPresent()) {
            Path file = Path.of(o.value("--markdown").get());
            try {
                Files.writeString(file, markdown, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        return c.exitCode();
    }
}
