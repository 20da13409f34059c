package org.rnnbench.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * Files of an earlier report with other names are left alone; files with the same names are replaced.
 */
public final class Reports {
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
        try {
            Path tables = Files.createDirectories(outDir.resolve("tables"));
            Path plots = Files.createDirectories(outDir.resolve("plots"));
            for (Table t : report.tables()) {
                try (Writer w = Files.newBufferedWriter(tables.resolve(t.id() + ".csv"), StandardCharsets.UTF_8)) {
                    CsvTableWriter.write(t, w);
                }
            }
            for (PlotImage p : report.plots()) {
                Files.write(plots.resolve(p.fileName()), p.png());
            }
            Files.writeString(outDir.resolve("report.md"), MarkdownReport.render(report, "plots"),
                StandardCharsets.UTF_8);
            Path html = outDir.resolve(HTML);
            Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
            return new WrittenReport(html, results.runs().size(), report.plots().size(), report.tables().size(),
                results.warnings());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir + ": " + e.getMessage(), e);
        }
    }
}
