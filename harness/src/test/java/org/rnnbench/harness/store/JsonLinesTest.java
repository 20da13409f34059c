package org.rnnbench.harness.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
    @TempDir
    Path dir;

    @Test
    void appendedLinesReadBackInOrder() throws IOException {
        Path f = dir.resolve("a.jsonl");
        JsonLines.append(f, "{\"a\":1}");
        JsonLines.append(f, "{\"b\":2}");
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), JsonLines.lines(f));
        assertEquals("{\"a\":1}\n{\"b\":2}\n", Files.readString(f));
    }

    @Test
    void aPartialLastLineIsNotReadAndRepairTruncatesIt() throws IOException {
        Path f = dir.resolve("a.jsonl");
        JsonLines.append(f, "{\"a\":1}");
        Files.writeString(f, "{\"b\":", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("{\"a\":1}"), JsonLines.lines(f));
        assertEquals(5, JsonLines.repair(f));
        assertEquals("{\"a\":1}\n", Files.readString(f));
        JsonLines.append(f, "{\"c\":3}");
        assertEquals(List.of("{\"a\":1}", "{\"c\":3}"), JsonLines.lines(f));
    }

    @Test
    void repairFindsTheLastNewlineBeyondOneReadChunk() throws IOException {
        Path f = dir.resolve("a.jsonl");
        JsonLines.append(f, "x".repeat(200_000));
        String partial = "y".repeat(150_000);
        Files.writeString(f, partial, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(partial.length(), JsonLines.repair(f));
        assertEquals(200_001, Files.size(f));
    }

    @Test
    void aFileWithoutAnyNewlineIsTruncatedToNothing() throws IOException {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, "{\"half");
        assertEquals(6, JsonLines.repair(f));
        assertEquals(0, Files.size(f));
    }

    @Test
    void aWholeOrMissingFileIsLeftAlone() throws IOException {
        Path f = dir.resolve("a.jsonl");
        assertEquals(0, JsonLines.repair(f));
        assertEquals(List.of(), JsonLines.lines(f));
        JsonLines.append(f, "{}");
        assertEquals(0, JsonLines.repair(f));
        assertEquals(3, Files.size(f));
    }

    @Test
    void aLineWithALineBreakIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonLines.append(dir.resolve("a.jsonl"), "{}\n{}"));
    }

    @Test
    void rewriteReplacesTheWholeFile() throws IOException {
        Path f = dir.resolve("a.jsonl");
        JsonLines.append(f, "1");
        JsonLines.append(f, "2");
        JsonLines.rewrite(f, List.of("3"));
        assertEquals(List.of("3"), JsonLines.lines(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }
}
