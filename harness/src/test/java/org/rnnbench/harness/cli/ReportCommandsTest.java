package org.rnnbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.testing.Cli;
import org.rnnbench.harness.testing.SampleRecords;

/** {@code report} and {@code compare} through the command line, and the report {@code run} writes at its end. */
class ReportCommandsTest {
    @TempDir
    Path tmp;

    /** Two units of 20 steps each at about {@code ms} ms per step. */
    private Path results(String name, double ms) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String cell : List.of("lstm", "gru")) {
            long[] nanos = new long[20];
            double[] losses = new double[20];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = Math.round(ms * 1e6 * (1 + 0.01 * (i % 3)));
                losses[i] = 0.2 - 0.005 * i;
            }
            RunRecord r = SampleRecords.record(SampleRecords.params("scratch", cell, 1), RunStatus.OK, losses, nanos,
                Map.of("mse", 0.05));
            lines.add(RunRecordCodec.toJson(r));
        }
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.write(dir.resolve("runs.jsonl"), lines);
        return dir;
    }

    @Test
    void runWritesItsReportAtTheEnd() {
        Path out = tmp.resolve("r");
        Cli.Result r = Cli.run("run", "--tasks", "adding-T6", "--cells", "gru", "--hidden", "4", "--steps", "6",
            "--batch", "2", "--backends", "reference", "--out", out.toString(), "--progress", "none");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("report/report.html")), r.err());
        assertTrue(Files.isRegularFile(out.resolve("report/tables/results.csv")));
        assertTrue(r.err().contains("rnnbench: report in " + out.resolve("report/report.html")), r.err());
    }

    @Test
    void reportWritesTheReportAndSaysWhere() throws IOException {
        Path dir = results("a", 1);
        Cli.Result r = Cli.run("report", dir.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + dir.resolve("report/report.html") + " (2 runs"), r.out());
        assertTrue(Files.readString(dir.resolve("report/report.html")).contains("REPORT-CHECK-OK"));
    }

    @Test
    void compareExitsZeroOnTheSameResultsAndOneOnASlowdown() throws IOException {
        Path a = results("a", 1);
        Cli.Result same = Cli.run("compare", a.toString(), a.toString());
        assertEquals(Main.EXIT_OK, same.code(), same.err());
        assertTrue(same.out().startsWith("## rnnbench compare: no regression"), same.out());
        Path slow = results("slow", 1.5);
        // hand-made step times carry no run-to-run noise: told so, compare flags the 50%
        Cli.Result slower = Cli.run("compare", a.toString(), slow.toString(), "--run-noise", "0", "--unit-noise", "0",
            "--markdown", tmp.resolve("summary.md").toString());
        assertEquals(1, slower.code(), slower.err());
        assertTrue(slower.out().contains("### Regressions"), slower.out());
        assertEquals(slower.out(), Files.readString(tmp.resolve("summary.md")));
        assertEquals(Main.EXIT_OK, Cli.run("compare", a.toString(), slow.toString(), "--run-noise", "0", "--unit-noise",
            "0", "--threshold", "60%").code());
        assertEquals(Main.EXIT_OK, Cli.run("compare", a.toString(), slow.toString()).code(),
            "two units at x1.5 are within the default unit noise of 30%");
    }

    @Test
    void compareTakesRepeatedRunsOfASideSeparatedByCommas() throws IOException {
        Path a = results("a", 1);
        Path a2 = results("a2", 1);
        Path slow = results("slow", 1.5);
        Cli.Result pooled = Cli.run("compare", a + "," + a2, slow.toString(), "--run-noise", "0", "--unit-noise", "0");
        assertEquals(1, pooled.code(), pooled.err());
        assertTrue(pooled.out().contains("Baseline `" + a + "`, `" + a2 + "` (2 repeated runs pooled, 4 runs)"),
            pooled.out());
        Cli.Result twice = Cli.run("compare", a + "," + a, slow.toString());
        assertEquals(Main.EXIT_USAGE, twice.code());
        assertEquals(List.of("rnnbench: compare: " + a + " is named twice as a baseline; each repeated run of a side"
            + " is its own results directory"), twice.errLines());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path a = results("a", 1);
        Cli.Result missing = Cli.run("report", tmp.resolve("none").toString());
        assertEquals(Main.EXIT_USAGE, missing.code());
        assertEquals(List.of("rnnbench: report: results directory " + tmp.resolve("none") + " does not exist"),
            missing.errLines());
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("runs.jsonl"), Files.readAllLines(a.resolve("runs.jsonl")).get(0)
            + "\n{\"id\": \"x\", \"params\": [}\n" + Files.readAllLines(a.resolve("runs.jsonl")).get(1) + "\n");
        Cli.Result corrupt = Cli.run("compare", a.toString(), bad.toString());
        assertEquals(Main.EXIT_USAGE, corrupt.code());
        assertEquals(1, corrupt.errLines().size(), corrupt.err());
        assertTrue(corrupt.errLines().get(0).startsWith("rnnbench: compare: " + bad.resolve("runs.jsonl") + ":2: "),
            corrupt.err());
        Cli.Result threshold = Cli.run("compare", a.toString(), a.toString(), "--threshold", "ten");
        assertEquals(Main.EXIT_USAGE, threshold.code());
        assertTrue(threshold.err().contains("--threshold needs a number"), threshold.err());
    }

    @Test
    void compareOfDirectoriesWithoutACommonUnitIsBadInput() throws IOException {
        Path a = results("a", 1);
        Path other = Files.createDirectories(tmp.resolve("other"));
        RunRecord djl = SampleRecords.record(SampleRecords.params("djl", "lstm", 1), RunStatus.OK, new double[] {1},
            new long[] {1}, Map.of("mse", 0.05));
        Files.writeString(other.resolve("runs.jsonl"), RunRecordCodec.toJson(djl) + "\n");
        Cli.Result r = Cli.run("compare", a.toString(), other.toString());
        assertEquals(Main.EXIT_USAGE, r.code(), r.out());
        assertEquals(List.of("rnnbench: compare: no unit is in both " + a + " (2 units) and " + other + " (1 unit),"
            + " so nothing can be compared; compare results of the same suite or matrix"), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void compareWarnsOfAPartialLastLineAsReportDoes() throws IOException {
        Path a = results("a", 1);
        Path cut = results("cut", 1);
        String text = Files.readString(cut.resolve("runs.jsonl"));
        Files.writeString(cut.resolve("runs.jsonl"), text.substring(0, text.length() - 40));
        Cli.Result r = Cli.run("compare", a.toString(), cut.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertEquals(List.of("rnnbench: warning: current: " + cut.resolve("runs.jsonl") + ":2: skipped a partial last"
            + " line (" + (text.split("\n")[1].length() - 39) + " characters, no newline at the end of the file: the"
            + " run was probably stopped while writing it)"), r.errLines());
        assertTrue(r.out().startsWith("## rnnbench compare: no regression (1 unit compared, 1 not: 1 only in the"
            + " baseline, 0 only in the current run)"), r.out());
    }

    @Test
    void compareRefusesMachinesOfOtherSpeedsUnlessAllowed() throws IOException {
        Path a = calibrated(results("a", 1), 10);
        Path b = calibrated(results("b", 1.5), 15);
        Cli.Result refused = Cli.run("compare", a.toString(), b.toString());
        assertEquals(Main.EXIT_USAGE, refused.code(), refused.out());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().contains("the machines are not comparable") && refused.err().contains(
            "--allow-machine-change"), refused.err());
        Cli.Result allowed = Cli.run("compare", a.toString(), b.toString(), "--allow-machine-change");
        assertEquals(Main.EXIT_OK, allowed.code(), allowed.out());
        assertTrue(allowed.out().contains("machine speed of backend scratch"), allowed.out());
    }

    /** The records of {@code dir} with a calibration of {@code gemmMs}. */
    private static Path calibrated(Path dir, double gemmMs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("runs.jsonl"))) {
            RunRecord r = RunRecordCodec.fromJson(line, "x");
            lines.add(RunRecordCodec.toJson(r.withEnvironment(r.environment().withCalibration(
                Map.of("gemm_ms", gemmMs)))));
        }
        Files.write(dir.resolve("runs.jsonl"), lines);
        return dir;
    }
}
