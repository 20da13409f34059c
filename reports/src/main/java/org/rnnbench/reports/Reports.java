package org.rnnbench.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.rnnbench.reports.html.HtmlReport;
import org.rnnbench.reports.plot.PlotImage;
import org.rnnbench.reports.read.Results;
import org.rnnbench.reports.read.ResultsException;
import org.rnnbench.reports.read.ResultsReader;
import org.rnnbench.reports.stats.StepTimes;
import org.rnnbench.reports.table.CsvTableWriter;
import org.rnnbench.reports.table.Table;

/**
 * The report of a results directory, written to files. The library entry point the command line calls:
 * {@code Reports.write(resultsDir)} writes into {@code resultsDir/report/}:
 *
 * <pre>
 * report.html              every table and plot, self-contained
 * report.md                every table as Markdown, with links to the plots
 * tables/&lt;table&gt;.csv       every table as CSV, full precision
 * plots/&lt;kind&gt;-&lt;task&gt;[-&lt;backend&gt;].png
 * </pre>
 *
 * The report is written into a hidden directory next to its place and renamed into place only when complete, so
 * that a failure (a full disk) leaves the earlier report as it was, never a truncated PNG or half a table; an
 * earlier report is replaced whole. A directory holding other files is refused rather than replaced.
 */
public final class Reports {
    /** The names a report directory holds. */
    private static final Set<String> OWN_FILES = Set.of("tables", "plots", "report.md", "report.html");
    /** The report's directory name inside a results directory. */
    public static final String DIR = "report";
    /** The HTML file name. */
    public static final String HTML = "report.html";

    private Reports() {
    }

    /**
     * Reads {@code resultsDir} and writes the report into {@code resultsDir/report}.
     *
     * @return what was written
     * @throws ResultsException for a missing directory, no records or a corrupt line (naming file and line)
     */
    public static WrittenReport write(Path resultsDir) {
        return write(resultsDir, resultsDir.resolve(DIR), StepTimes.DEFAULT_WARMUP);
    }

    /**
     * Reads {@code resultsDir} and writes the report into {@code outDir}.
     *
     * @param warmupFraction fraction of each run's steps dropped from step-time statistics
     * @return what was written
     * @throws ResultsException for a missing directory, no records or a corrupt line (naming file and line)
     * @throws UncheckedIOException when a file cannot be written
     */
    public static WrittenReport write(Path resultsDir, Path outDir, double warmupFraction) {
        Results results = ResultsReader.read(resultsDir);
        Report report = Report.of(results, warmupFraction);
        Path target = outDir.toAbsolutePath().normalize();
        refuseForeignFiles(target);
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".writing-");
            Path tables = Files.createDirectories(staging.resolve("tables"));
            Path plots = Files.createDirectories(staging.resolve("plots"));
            for (Table t : report.tables()) {
                try (Writer w = Files.newBufferedWriter(tables.resolve(t.id() + ".csv"), StandardCharsets.UTF_8)) {
                    CsvTableWriter.write(t, w);
                }
            }
            for (PlotImage p : report.plots()) {
                Files.write(plots.resolve(p.fileName()), p.png());
            }
            Files.writeString(staging.resolve("report.md"), MarkdownReport.render(report, "plots"),
                StandardCharsets.UTF_8);
            Files.writeString(staging.resolve(HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
            swap(staging, target);
            staging = null;
            return new WrittenReport(outDir.resolve(HTML), results.runs().size(), report.plots().size(),
                report.tables().size(), results.warnings());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    /** Refuses an existing output directory that holds anything but a report, since it is replaced whole. */
    private static void refuseForeignFiles(Path target) {
        if (!Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> s = Files.list(target)) {
            List<String> foreign = s.map(p -> p.getFileName().toString()).filter(n -> !OWN_FILES.contains(n))
                .sorted().toList();
            if (!foreign.isEmpty()) {
                throw new ResultsException(target + " holds files that are not part of a report (" + String.join(", ",
                    foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", ..." : "")
                    + "); the report replaces its directory whole, so give a new directory or an earlier report's");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target + ": " + e.getMessage(), e);
        }
    }

    /** Puts the finished report in place: the earlier one moved aside, the new one renamed in, the old deleted. */
    private static void swap(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.move(target, old.resolve("report"), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover hidden directory is harmless; the report itself is complete
        }
    }
}
