package org.rnnbench.harness.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        try (ResultsDir rd = ResultsDir.open(dir, "run", "quick", List.of("rnnbench", "run", "--progress", "none"))) {
            assertEquals(List.of("rnnbench", "run"), rd.manifest().command(), "the manifest is kept, not rewritten");
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

    @Test
    void anotherPlanIsRefusedBeforeAnythingChanges() throws IOException {
        Path dir = tmp.resolve("r");
        ResultsDir.open(dir, "run", "run-aaaa", List.of("rnnbench", "run", "--tasks", "adding-T20")).close();
        String manifest = Files.readString(dir.resolve(ResultsDir.MANIFEST));
        UsageException e = assertThrows(UsageException.class, () -> ResultsDir.open(dir, "run", "run-bbbb",
            List.of("rnnbench", "run", "--tasks", "copy-T5-K4")));
        assertEquals(dir + " holds the results of another run (run-aaaa, made by 'rnnbench run --tasks adding-T20'),"
            + " not of this one (run-bbbb); use another --out", e.getMessage());
        assertEquals(manifest, Files.readString(dir.resolve(ResultsDir.MANIFEST)));
    }

    @Test
    void aSymbolicLinkInsideIsRefusedAndNothingIsTouched() throws IOException {
        Path dir = tmp.resolve("r");
        ResultsDir.open(dir, "run", "quick", List.of("rnnbench", "run")).close();
        Files.delete(dir.resolve(".lock"));
        Path elsewhere = tmp.resolve("elsewhere.jsonl");
        Files.writeString(elsewhere, "{\"a\":1}\n{\"partial");
        Files.createSymbolicLink(dir.resolve(RunStore.FILE), elsewhere);
        UsageException e = assertThrows(UsageException.class, () -> ResultsDir.open(dir, "run", "quick",
            List.of()));
        assertEquals(dir.resolve(RunStore.FILE) + " is a symbolic link (to " + elsewhere + "); rnnbench writes only to"
            + " files inside its results directory, never through a link: replace the link by a copy of the file or"
            + " use another --out", e.getMessage());
        assertEquals("{\"a\":1}\n{\"partial", Files.readString(elsewhere), "the link's target is not cut");
        assertFalse(Files.exists(dir.resolve(".lock")), "not even the lock file is created");
        Files.delete(dir.resolve(RunStore.FILE));
        Files.createDirectories(dir.resolve("weights"));
        Files.createSymbolicLink(dir.resolve("weights/w.safetensors"), elsewhere);
        assertThrows(UsageException.class, () -> ResultsDir.open(dir, "run", "quick", List.of()));
        IOException append = assertThrows(IOException.class, () -> JsonLines.append(dir.resolve(
            "weights/w.safetensors"), "{}"));
        assertTrue(append.getMessage().contains("symbolic links"), append.getMessage());
        assertEquals("{\"a\":1}\n{\"partial", Files.readString(elsewhere), "appending does not follow the link");
    }

    @Test
    void theDirectoryItselfMayBeALink() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        ResultsDir.open(link, "run", "quick", List.of()).close();
        assertTrue(Files.isRegularFile(real.resolve(ResultsDir.MANIFEST)));
    }
}
