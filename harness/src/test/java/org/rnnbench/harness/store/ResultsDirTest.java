package org.rnnbench.harness.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.harness.UsageException;

class ResultsDirTest {
    @TempDir
    Path tmp;

    @Test
    void aNewDirectoryGetsAManifestAndOpensAgainWithTheSameOne() throws IOException {
        Path dir = tmp.resolve("r");
        try (ResultsDir rd = ResultsDir.open(dir, "run", "quick", List.of("rnnbench", "run"))) {
            assertEquals("quick", rd.manifest().name());
        }
        assertTrue(Files.isRegularFile(dir.resolve(ResultsDir.MANIFEST)));
        try (ResultsDir rd = ResultsDir.open(dir, "run", "other", List.of())) {
            assertEquals("quick", rd.manifest().name(), "the manifest is kept, not rewritten");
        }
        assertEquals("run", ResultsDir.check(dir, "run").kind());
    }

    @Test
    void aFolderWithOtherFilesIsRefused() throws IOException {
        Path dir = tmp.resolve("photos");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cat.jpg"), "meow");
        UsageException e = assertThrows(UsageException.class, () -> ResultsDir.open(dir, "run", "x", List.of()));
        assertTrue(e.getMessage().contains("not an rnnbench results directory"), e.getMessage());
    }

    @Test
    void aFileAndAnotherKindOfStudyAreRefused() throws IOException {
        Path file = tmp.resolve("f");
        Files.writeString(file, "x");
        assertThrows(UsageException.class, () -> ResultsDir.open(file, "run", "x", List.of()));
        Path dir = tmp.resolve("g");
        ResultsDir.open(dir, "gradients", "g", List.of()).close();
        UsageException e = assertThrows(UsageException.class, () -> ResultsDir.open(dir, "run", "x", List.of()));
        assertTrue(e.getMessage().contains("'gradients'"), e.getMessage());
    }

    @Test
    void aCorruptManifestIsRefused() throws IOException {
        Path dir = tmp.resolve("c");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ResultsDir.MANIFEST), "{broken");
        assertThrows(UsageException.class, () -> ResultsDir.check(dir, "run"));
    }

    @Test
    void aLockedDirectoryIsRefusedUntilReleased() throws IOException {
        Path dir = tmp.resolve("l");
        try (ResultsDir first = ResultsDir.open(dir, "run", "x", List.of())) {
            UsageException e = assertThrows(UsageException.class, () -> ResultsDir.open(dir, "run", "x", List.of()));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
        ResultsDir.open(dir, "run", "x", List.of()).close();
    }
}
