package org.rnnbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.testing.Cli;

/**
 * Every kind of bad input ends with exactly one line {@code rnnbench: ...} on standard error, nothing on standard
 * output, exit code 2, and no stack trace; nothing starts running.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    private void assertOneLine(String expectedPart, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.get(0).equals("run") || all.get(0).equals("gradients")) {
            if (!all.contains("--backends") && !all.contains("--suite")) {
                all.add("--backends");
                all.add("scratch");
            }
            all.add("--out");
            all.add(tmp.resolve("out-" + all.size()).toString());
        }
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("rnnbench: "), line);
        assertTrue(line.contains(expectedPart), "'" + expectedPart + "' missing from: " + line);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownIds() {
        assertOneLine("unknown task id 'adding-X'", "run", "--tasks", "adding-X", "--backends", "scratch");
        assertOneLine("unknown backend 'tensorflow'", "run", "--tasks", "adding-T20", "--backends", "tensorflow");
        assertOneLine("unknown cell 'lstmm'", "run", "--tasks", "adding-T20", "--cells", "lstmm");
        assertOneLine("unknown initialiser 'glorot'", "run", "--tasks", "adding-T20", "--init", "glorot");
        assertOneLine("unknown optimizer 'adagrad'", "run", "--tasks", "adding-T20", "--optimizer", "adagrad");
        assertOneLine("unknown suite 'quik'", "run", "--suite", "quik");
        assertOneLine("unknown cell 'foo'", "verify", "--cell", "foo");
        assertOneLine("unknown backend 'nope'", "verify", "--backends", "scratch,nope");
        assertOneLine("unknown backend 'nope'", "gradients", "--backends", "nope");
        assertOneLine("unknown section 'gpus'", "list", "gpus");
    }

    @Test
    void impossibleSizes() {
        assertOneLine("--hidden 0", "run", "--tasks", "adding-T20", "--hidden", "0", "--backends", "scratch");
        assertOneLine("--hidden 100000", "run", "--tasks", "adding-T20", "--hidden", "100000");
        assertOneLine("GB", "run", "--tasks", "adding-T20", "--hidden", "30000", "--cells", "rnn-tanh");
        assertOneLine("--layers 0", "run", "--tasks", "adding-T20", "--layers", "0");
        assertOneLine("batch size", "run", "--tasks", "adding-T20", "--batch", "0");
        assertOneLine("--threads 0", "run", "--tasks", "adding-T20", "--threads", "0");
        assertOneLine("T must be in", "run", "--tasks", "adding-T1");
        assertOneLine("--hidden 0", "verify", "--hidden", "0");
        assertOneLine("--time 0", "verify", "--time", "0");
    }

    @Test
    void malformedCommandLines() {
        assertOneLine("Unknown options: '--hiddn'", "run", "--tasks", "adding-T20", "--hiddn", "8");
        assertOneLine("'abc' is not an int", "run", "--tasks", "adding-T20", "--hidden", "abc");
        assertOneLine("needs --suite", "run");
        assertOneLine("cannot be combined", "run", "--suite", "smoke", "--hidden", "8");
        assertOneLine("Unmatched argument at index 0: 'bench'", "bench");
        Cli.Result none = Cli.run();
        assertEquals(Main.EXIT_USAGE, none.code());
        List<String> commands = List.copyOf(new picocli.CommandLine(new RnnbenchCommand()).getSubcommands().keySet());
        assertTrue(commands.containsAll(List.of("list", "run", "gradients", "verify", "report", "compare")),
            commands.toString());
        assertEquals(List.of("rnnbench: missing command; give one of " + String.join(", ", commands) + " (see"
            + " 'rnnbench --help')"), none.errLines());
    }

    @Test
    void badWeightsAndInputFiles() throws IOException {
        Path missing = tmp.resolve("missing.safetensors");
        assertOneLine("no such file", "verify", "--cell", "lstm", "--weights", missing.toString());
        Path corrupt = tmp.resolve("corrupt.safetensors");
        Files.write(corrupt, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertOneLine("corrupt.safetensors", "verify", "--cell", "lstm", "--weights", corrupt.toString());
        Path truncated = tmp.resolve("truncated.safetensors");
        CellSpec lstm = new CellSpec(CellType.LSTM, 3, 4, 1);
        Initializer.initialize(lstm, Init.PYTORCH, 0).write(truncated);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertOneLine("truncated", "verify", "--cell", "lstm", "--weights", truncated.toString());
        Path good = tmp.resolve("lstm.safetensors");
        Initializer.initialize(lstm, Init.PYTORCH, 0).write(good);
        assertOneLine("--cell gru", "verify", "--cell", "gru", "--weights", good.toString());
        assertOneLine("exactly one --cell", "verify", "--weights", good.toString());
        Path input = tmp.resolve("input.safetensors");
        SafeTensors.write(input, List.of(new Tensor("input", new int[] {2, 5, 7}, new float[70])), Map.of());
        assertOneLine("(batch, time, 3)", "verify", "--cell", "lstm", "--weights", good.toString(), "--input",
            input.toString());
        Path noInput = tmp.resolve("x.safetensors");
        SafeTensors.write(noInput, List.of(new Tensor("x", new int[] {2, 5, 3}, new float[30])), Map.of());
        assertOneLine("no tensor 'input'", "verify", "--cell", "lstm", "--weights", good.toString(), "--input",
            noInput.toString());
    }

    @Test
    void aFolderThatIsNotAResultsDirectory() throws IOException {
        Path folder = tmp.resolve("photos");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("cat.jpg"), "meow");
        Cli.Result r = Cli.run("run", "--tasks", "adding-T20", "--backends", "scratch", "--out", folder.toString());
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("not an rnnbench results directory"), r.err());
    }

    @Test
    void aSymlinkedRecordFileOrAnotherMatrixInTheSameDirectoryIsRefused() throws IOException {
        Path out = tmp.resolve("r");
        String[] first = Cli.tinyRun(out, "gru");
        assertEquals(Main.EXIT_OK, Cli.run(first).code());
        String records = Files.readString(out.resolve("runs.jsonl"));
        Cli.Result other = Cli.run(Cli.tinyRun(out, "lstm"));
        assertEquals(Main.EXIT_USAGE, other.code(), other.err());
        assertEquals(1, other.errLines().size(), other.err());
        assertTrue(other.err().contains("holds the results of another run") && other.err().contains("use another"
            + " --out"), other.err());
        Cli.Result same = Cli.run(first);
        assertEquals(Main.EXIT_OK, same.code(), "the same command again resumes: " + same.err());
        Path elsewhere = tmp.resolve("elsewhere.jsonl");
        Files.writeString(elsewhere, records + "{\"cut");
        Files.delete(out.resolve("runs.jsonl"));
        Files.createSymbolicLink(out.resolve("runs.jsonl"), elsewhere);
        Cli.Result linked = Cli.run(first);
        assertEquals(Main.EXIT_USAGE, linked.code(), linked.err());
        assertEquals(1, linked.errLines().size(), linked.err());
        assertTrue(linked.err().contains("is a symbolic link"), linked.err());
        assertEquals(records + "{\"cut", Files.readString(elsewhere), "the target keeps its last line");
    }

    @Test
    void everyCommandsHelpPrintsWithoutPicocliWarnings() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new picocli.CommandLine(new RnnbenchCommand()).getSubcommands().keySet()) {
                Cli.Result r = Cli.run(command, "--help");
                assertEquals(Main.EXIT_OK, r.code(), command + ": " + r.err());
                assertTrue(r.out().contains("Usage: rnnbench " + command), r.out());
                assertFalse(r.out().contains("%n"), command + ": " + r.out());
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aPathThatIsNotARegularFileSaysWhatItIs() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("weights-dir"));
        assertOneLine("--weights " + dir + ": a directory; give a safetensors file", "verify", "--cell", "lstm",
            "--weights", dir.toString());
        assertOneLine("--input /dev/null: a character device; give a safetensors file", "verify", "--cell", "lstm",
            "--input", "/dev/null");
        Path fifo = tmp.resolve("fifo");
        try {
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertOneLine("--weights " + fifo + ": a FIFO (named pipe); give a safetensors file", "verify", "--cell",
            "lstm", "--weights", fifo.toString());
        assertOneLine("--weights " + tmp.resolve("none") + ": no such file; give a safetensors file", "verify",
            "--cell", "lstm", "--weights", tmp.resolve("none").toString());
    }

    @Test
    void outputPathsThatCannotBeWrittenAreRefusedBeforeTheWork() throws IOException {
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "x");
        Cli.Result below = Cli.run("run", "--tasks", "adding-T6", "--backends", "scratch", "--out",
            file.resolve("sub").toString());
        assertEquals(Main.EXIT_USAGE, below.code(), below.err());
        assertEquals(List.of("rnnbench: results directory " + file.resolve("sub") + ": " + file + " is a regular file,"
            + " not a directory, so nothing can be created below it; give another path"), below.errLines());
        Path dir = Files.createDirectories(tmp.resolve("a-dir"));
        assertOneLine("--dump " + dir + ": a directory, not a file that can be written", "verify", "--cell", "lstm",
            "--dump", dir.toString());
        assertOneLine("--dump " + file.resolve("d.safetensors") + ": " + file + " is a regular file", "verify",
            "--cell", "lstm", "--dump", file.resolve("d.safetensors").toString());
        assertOneLine("--markdown " + dir + ": a directory, not a file that can be written", "compare",
            tmp.toString(), tmp.toString(), "--markdown", dir.toString());
        assertOneLine("--out " + file + ": a regular file, not a directory", "report", tmp.toString(), "--out",
            file.toString());
    }

    @Test
    void aCorruptLineMetWhileResumingIsOneLineAndExitTwo() throws IOException {
        Path out = tmp.resolve("r");
        String[] run = Cli.tinyRun(out, "gru");
        assertEquals(Main.EXIT_OK, Cli.run(run).code());
        Files.writeString(out.resolve("runs.jsonl"), "{\"id\": broken}\n", java.nio.file.StandardOpenOption.APPEND);
        Cli.Result r = Cli.run(run);
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("rnnbench: " + out.resolve("runs.jsonl") + ":2: not a valid run"
            + " record ('broken' at column 8 is not JSON"), r.err());
    }
}
