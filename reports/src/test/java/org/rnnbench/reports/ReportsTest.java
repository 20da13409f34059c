package org.rnnbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.reports.read.ResultsException;
import org.rnnbench.reports.stats.Percentiles;

/** The whole report of the fixture run: files, the self-contained HTML page, and numbers checked by hand. */
class ReportsTest {
    @TempDir
    static Path tmp;
    static Path out;
    static final List<String> TASKS = List.of("adding-T16", "adding-T32", "recall-T12-K4");
    static WrittenReport written;
    static String html;

    @BeforeAll
    static void writeReport() throws IOException {
        out = tmp.resolve("report");
        written = Reports.write(Fixtures.run("run-a"), out, 0.1);
        html = Files.readString(written.html());
    }

    @Test
    void writesTheFilesWithDeterministicNames() throws IOException {
        assertEquals(out.resolve("report.html"), written.html());
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
        try (Stream<Path> s = Files.list(out.resolve("tables"))) {
            assertEquals(List.of("environment.csv", "gradient-decay.csv", "params-vs-metric.csv", "results.csv"),
                s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> s = Files.list(out.resolve("plots"))) {
            List<String> expected = new ArrayList<>();
            for (String kind : List.of("gradients", "loss", "metric-vs-params", "speed")) {
                for (String task : TASKS) {
                    expected.add(kind + "-" + task + (kind.equals("gradients") ? "-reference" : "") + ".png");
                }
            }
            assertEquals(expected, s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(12, written.plots());
        assertEquals(54, written.runs());
    }

    @Test
    void everyPlotIsAPngOfTheChartSize() throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("plots"))) {
            for (Path p : s.toList()) {
                BufferedImage image = ImageIO.read(p.toFile());
                assertEquals(900, image.getWidth(), p.toString());
                assertEquals(500, image.getHeight(), p.toString());
            }
        }
    }

    @Test
    void theHtmlEmbedsEveryPlotAndNeedsNothingFromOutside() throws IOException {
        Matcher img = Pattern.compile("<img id=\"([^\"]+)\"[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
            .matcher(html);
        int images = 0;
        while (img.find()) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(2))));
            assertEquals(900, decoded.getWidth(), img.group(1));
            images++;
        }
        assertEquals(12, images);
        assertTrue(html.contains("data-expected-images=\"12\""));
        assertFalse(Pattern.compile("(src|href)=\"(?!data:|#)").matcher(html).find(), "only data: and # links");
        assertFalse(html.contains("http://") || html.contains("https://"), "no address on the network");
        assertFalse(html.contains("<link"), "no stylesheet link");
    }

    @Test
    void everyExpectedTableIsInThePageWithRows() {
        Matcher m = Pattern.compile("data-expected-tables=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find());
        List<String> ids = Arrays.asList(m.group(1).split(" "));
        List<String> expected = new ArrayList<>();
        for (String task : TASKS) {
            expected.addAll(List.of("results-" + task, "params-vs-metric-" + task, "gradient-decay-" + task));
        }
        expected.add("environment-all_54_runs");
        assertEquals(expected, ids);
        for (String id : ids) {
            int at = html.indexOf("<table id=\"" + id + "\">");
            assertTrue(at >= 0, id);
            assertTrue(html.indexOf("<td", at) < html.indexOf("</table>", at), id + " has rows");
        }
        assertTrue(html.contains("id=\"report-check\""));
        assertTrue(html.contains("REPORT-CHECK-OK"), "the inline check script is present");
    }

    @Test
    void theEnvironmentIsShown() {
        RunRecord r = Fixtures.records("run-a").get(0);
        assertTrue(html.contains(r.environment().gitCommit()), "git commit");
        assertTrue(html.contains(r.environment().jvm()), "JVM");
        assertTrue(html.contains(r.environment().cpu().replace("&", "&amp;")), "CPU");
        assertTrue(html.contains("threads backend"), "thread settings");
    }

    @Test
    void resultsCsvHoldsTheHandComputedNumbers() throws IOException {
        List<RunRecord> lstm = Fixtures.records("run-a").stream().filter(r -> r.params().task().equals("adding-T16")
            && r.params().cell().equals("lstm") && r.params().hidden() == 32).toList();
        assertEquals(2, lstm.size(), "two seeds");
        double mean = lstm.stream().mapToDouble(r -> r.metrics().get("mse")).average().orElseThrow();
        List<Double> times = new ArrayList<>();
        for (RunRecord r : lstm) {
            for (int i = 10; i < 100; i++) {
                times.add(r.stepNanos()[i] / 1e6);
            }
        }
        double median = Percentiles.median(times.stream().mapToDouble(Double::doubleValue).toArray());
        CSVRecord row = csv("results.csv").stream().filter(r -> r.get("task").equals("adding-T16")
            && r.get("config").equals("lstm[hidden=32]")).findFirst().orElseThrow();
        assertEquals(mean, Double.parseDouble(row.get("mean")), 1e-12);
        assertEquals(median, Double.parseDouble(row.get("median_ms_per_step")), 1e-12);
        assertEquals(16 / (median / 1e3), Double.parseDouble(row.get("sequences_per_s")), 1e-6);
        assertEquals(1.0 / 6, Double.parseDouble(row.get("chance")), 1e-12);
        assertEquals(lstm.get(0).canonicalParameters(), Long.parseLong(row.get("canonical_params")));
        assertEquals("2", row.get("runs_ok"));
        assertEquals(27, csv("results.csv").size(), "one row per configuration");
    }

    @Test
    void theEconomyTableComparesWithTheLstmOfTheSameSize() throws IOException {
        CSVRecord gru = csv("params-vs-metric.csv").stream().filter(r -> r.get("task").equals("adding-T16")
            && r.get("config").equals("gru[hidden=16]")).findFirst().orElseThrow();
        // G*(H*I + H*H + 2H) + head: GRU 3 blocks, LSTM 4; I = 2, H = 16, head 16 + 1
        double gruParams = 3 * (16 * 2 + 16 * 16 + 2 * 16) + 17;
        double lstmParams = 4 * (16 * 2 + 16 * 16 + 2 * 16) + 17;
        assertEquals(gruParams, Double.parseDouble(gru.get("canonical_params")));
        assertEquals(gruParams / lstmParams, Double.parseDouble(gru.get("params_vs_lstm")), 1e-12);
    }

    @Test
    void theMarkdownHoldsEveryTableAndLinksEveryPlot() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Results per task") && md.contains("### adding-T16")
            && md.contains("## Parameters against the metric") && md.contains("## Gradient decay"), md);
        assertTrue(md.contains("](plots/speed-adding-T16.png)"), md);
        assertTrue(md.contains("| lstm[hidden=32] | reference |"), md);
    }

    static List<CSVRecord> csv(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(out.resolve("tables").resolve(name))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void aReportReplacesTheEarlierOneWholeAndLeavesNoWorkingDirectory(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report");
        Reports.write(Fixtures.run("run-a"), report, 0.1);
        Files.writeString(report.resolve("plots/stale.png"), "old");
        Files.writeString(report.resolve("report.html"), "half a page");
        WrittenReport again = Reports.write(Fixtures.run("run-a"), report, 0.1);
        assertFalse(Files.exists(report.resolve("plots/stale.png")), "the earlier report is replaced whole");
        assertTrue(Files.readString(again.html()).contains("REPORT-CHECK-OK"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("report"), s.map(p -> p.getFileName().toString()).toList(),
                "no working or old directory is left");
        }
    }

    @Test
    void aDirectoryWithOtherFilesIsNotReplaced(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("thesis.tex"), "years of work");
        ResultsException e = assertThrows(ResultsException.class, () -> Reports.write(Fixtures.run("run-a"), dir,
            0.1));
        assertTrue(e.getMessage().contains("thesis.tex"), e.getMessage());
        assertEquals("years of work", Files.readString(dir.resolve("thesis.tex")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }
}
