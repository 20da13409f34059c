package org.rnnbench.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;
import org.rnnbench.reports.Fixtures;

/** Reading results directories: every record, and a clear one-line message naming file:line for bad input. */
class ResultsReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryRecordOfTheFixture() {
        Results r = ResultsReader.read(Fixtures.run("run-a"));
        assertEquals(54, r.runs().size());
        assertEquals(1, r.files().size());
        assertTrue(r.warnings().isEmpty());
        assertTrue(r.runs().get(4).source().endsWith("runs.jsonl:5"), r.runs().get(4).source());
        assertEquals(100, r.runs().get(0).record().stepNanos().length);
    }

    @Test
    void readsRecordFilesBelowTheDirectoryInPathOrder() throws IOException {
        List<RunRecord> records = Fixtures.records("run-a");
        Fixtures.write(tmp.resolve("b"), records.subList(0, 2));
        Fixtures.write(tmp.resolve("a/x"), records.subList(2, 5));
        Files.writeString(tmp.resolve("a/notes.csv"), "not,a,record\n");
        Results r = ResultsReader.read(tmp);
        assertEquals(5, r.runs().size());
        assertEquals(records.get(2).id(), r.runs().get(0).record().id(), "a/x/runs.jsonl comes before b/runs.jsonl");
    }

    @Test
    void aDirectoryNamedThroughASymbolicLinkIsReadAndItsFilesNamedByThatPath() throws IOException {
        List<RunRecord> records = Fixtures.records("run-a");
        Fixtures.write(tmp.resolve("kept/r0"), records.subList(0, 3));
        Path link = Files.createSymbolicLink(tmp.resolve("r0"), tmp.resolve("kept/r0"));
        Results r = ResultsReader.read(link);
        assertEquals(3, r.runs().size());
        assertTrue(r.runs().get(0).source().startsWith(link.toString()), r.runs().get(0).source());
    }

    @Test
    void aCorruptLineInTheMiddleIsAnErrorNamingFileAndLine() throws IOException {
        List<String> lines = lines(4);
        lines.set(1, lines.get(1).substring(0, 100));
        Path file = writeLines(lines, true);
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aPartialLastLineIsSkippedWithAWarningNamingFileAndLine() throws IOException {
        List<String> lines = lines(3);
        lines.set(2, lines.get(2).substring(0, lines.get(2).length() / 2));
        Path file = writeLines(lines, false);
        Results r = ResultsReader.read(tmp);
        assertEquals(2, r.runs().size(), "the complete records are kept");
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith(file + ":3: skipped a partial last line"), r.warnings().get(0));
    }

    @Test
    void aBadLastLineThatEndsWithANewlineIsAnError() throws IOException {
        List<String> lines = lines(3);
        lines.set(2, "{\"id\": \"x\"}");
        Path file = writeLines(lines, true);
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
    }

    @Test
    void aCompleteLastLineWithoutNewlineIsRead() throws IOException {
        writeLines(lines(3), false);
        assertEquals(3, ResultsReader.read(tmp).runs().size());
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        List<String> lines = lines(2);
        lines.add(1, "   ");
        writeLines(lines, true);
        Results r = ResultsReader.read(tmp);
        assertEquals(2, r.runs().size());
        assertTrue(r.runs().get(1).source().endsWith(":3"), "line numbers count the blank line");
    }

    @Test
    void aRecordWithoutTaskNamesFileAndLine() throws IOException {
        Path file = tmp.resolve("runs.jsonl");
        String line = RunRecordCodec.toJson(Fixtures.records("run-a").get(0)).replace("\"task\":\"adding-T16\",", "");
        Files.writeString(file, line + "\n");
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertTrue(e.getMessage().startsWith(file + ":1: ") && e.getMessage().contains("requires params.task"),
            e.getMessage());
    }

    @Test
    void aRecordLackingFieldsIsAnError() throws IOException {
        Path file = tmp.resolve("runs.jsonl");
        Files.writeString(file, "{\"id\":\"x\",\"status\":\"FAILED\",\"params\":{\"task\":\"t\","
            + "\"backend\":\"b\",\"cell\":\"lstm\"}}\n");
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertTrue(e.getMessage().startsWith(file + ":1: ") && e.getMessage().contains("schema version 1 requires"
            + " params.hidden"), e.getMessage());
    }

    @Test
    void aUnitRecordedTwiceIsAnErrorNamingBothLines() throws IOException {
        List<String> lines = lines(3);
        lines.add(lines.get(1));
        Path file = writeLines(lines, true);
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertEquals("unit " + Fixtures.records("run-a").get(1).id() + " is recorded twice, at " + file + ":2 and at "
            + file + ":4; a results directory holds each unit once; remove one of the two lines", e.getMessage());
    }

    @Test
    void aUnitInTwoFilesIsAnErrorToo() throws IOException {
        List<RunRecord> records = Fixtures.records("run-a");
        Fixtures.write(tmp.resolve("a"), records.subList(0, 2));
        Fixtures.write(tmp.resolve("b"), records.subList(1, 3));
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertTrue(e.getMessage().contains(tmp.resolve("a/runs.jsonl") + ":2 and at " + tmp.resolve("b/runs.jsonl")
            + ":1"), e.getMessage());
    }

    @Test
    void mergingKeepsOneRecordOfAUnitAndSaysWhichWasSkipped() throws IOException {
        List<RunRecord> records = Fixtures.records("run-a");
        Fixtures.write(tmp.resolve("a"), records.subList(0, 2));
        Fixtures.write(tmp.resolve("b"), records.subList(1, 3));
        Results first = ResultsReader.read(tmp, Duplicates.KEEP_FIRST);
        assertEquals(3, first.runs().size());
        assertEquals(tmp.resolve("a/runs.jsonl") + ":2", first.runs().get(1).source());
        assertEquals(List.of(tmp.resolve("b/runs.jsonl") + ":1: skipped unit " + records.get(1).id()
            + ", recorded again at " + tmp.resolve("a/runs.jsonl") + ":2"), first.warnings());
        Results last = ResultsReader.read(tmp, Duplicates.KEEP_LAST);
        assertEquals(tmp.resolve("b/runs.jsonl") + ":1", last.runs().get(1).source(), "keeps its place in the order");
    }

    @Test
    void aFileThatIsNotUtf8NamesTheFile() throws IOException {
        Path file = tmp.resolve("runs.jsonl");
        Files.write(file, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}', '\n'});
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertTrue(e.getMessage().startsWith(file + ": not UTF-8"), e.getMessage());
    }

    @Test
    void aMissingDirectoryOrNoRecordsIsAnError() throws IOException {
        ResultsException missing = assertThrows(ResultsException.class,
            () -> ResultsReader.read(tmp.resolve("nope")));
        assertEquals("results directory " + tmp.resolve("nope") + " does not exist", missing.getMessage());
        ResultsException empty = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertTrue(empty.getMessage().startsWith("no run records in " + tmp), empty.getMessage());
        Files.writeString(tmp.resolve("runs.jsonl"), "\n");
        ResultsException blank = assertThrows(ResultsException.class, () -> ResultsReader.read(tmp));
        assertTrue(blank.getMessage().contains("none with a complete record"), blank.getMessage());
    }

    private List<String> lines(int n) {
        return new ArrayList<>(Fixtures.records("run-a").subList(0, n).stream()
            .map(RunRecordCodec::toJson).toList());
    }

    private Path writeLines(List<String> lines, boolean finalNewline) throws IOException {
        Path file = tmp.resolve("runs.jsonl");
        Files.writeString(file, String.join("\n", lines) + (finalNewline ? "\n" : ""), StandardCharsets.UTF_8);
        return file;
    }
}
