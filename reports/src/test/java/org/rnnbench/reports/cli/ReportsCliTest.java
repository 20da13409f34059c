package org.rnnbench.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.reports.Fixtures;

/** The command line: exit codes 0, 1 and 2, and one line naming what was wrong. */
class ReportsCliTest {
    @TempDir
    Path tmp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return ReportsCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    List<RunRecord> small() {
        return List.of(Fixtures.record("t", "scratch", "gru", 8, 1, 0.8, 1),
            Fixtures.record("t", "scratch", "lstm", 8, 1, 0.8, 1.5));
    }

    @Test
    void compareExitsZeroWithoutRegressionAndWritesTheMarkdown() throws IOException {
        Path b = Fixtures.write(tmp.resolve("b"), small());
        Path md = tmp.resolve("summary.md");
        assertEquals(0, run("compare", b.toString(), b.toString(), "--markdown", md.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("## rnnbench compare: no regression"));
        assertEquals(out.toString(StandardCharsets.UTF_8), Files.readString(md));
    }

    @Test
    void compareExitsOneOnARegression() {
        Path b = Fixtures.write(tmp.resolve("b"), small());
        Path c = Fixtures.write(tmp.resolve("c"), Fixtures.map(small(), r -> Fixtures.slower(r, 2)));
        assertEquals(1, run("compare", b.toString(), c.toString()));
        assertEquals(0, run("compare", b.toString(), c.toString(), "--threshold", "150%"));
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheFileAndLine() throws IOException {
        Path b = Fixtures.write(tmp.resolve("b"), small());
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("runs.jsonl"), "{\"id\": \"x\", \"params\": [}\n{}\n");
        assertEquals(2, run("compare", b.toString(), bad.toString()));
        assertTrue(err().startsWith("rnnbench compare: " + bad.resolve("runs.jsonl") + ":1: "), err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void aMissingDirectoryExitsTwo() {
        assertEquals(2, run("report", tmp.resolve("none").toString()));
        assertEquals("rnnbench report: results directory " + tmp.resolve("none") + " does not exist\n", err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run());
        assertEquals(2, run("compare", "only-one"));
        assertEquals(2, run("compare", "a", "b", "--thresold", "0.1"));
        assertTrue(err().contains("unknown option --thresold"), err());
        assertEquals(2, run("compare", "a", "b", "--threshold", "ten"));
        assertEquals(2, run("frobnicate"));
    }

    @Test
    void reportWritesTheHtmlAndSaysWhere() {
        Path b = Fixtures.write(tmp.resolve("b"), small());
        assertEquals(0, run("report", b.toString()));
        assertTrue(Files.isRegularFile(b.resolve("report/report.html")));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("wrote " + b.resolve("report/report.html")));
    }
}
