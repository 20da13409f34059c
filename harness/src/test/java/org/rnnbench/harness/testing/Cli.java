package org.rnnbench.harness.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rnnbench.harness.Main;

/** Runs the rnnbench command line for a test: in-process through {@link Main#run}, or as a separate JVM. */
public final class Cli {
    private Cli() {
    }

    /**
     * What a command printed and returned.
     *
     * @param code its exit code
     * @param out  standard output
     * @param err  standard error
     */
    public record Result(int code, String out, String err) {
        /** The non-empty lines of standard error. */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /**
     * The arguments of a tiny run (one unit on the in-test reference backend: adding-T6, hidden 4, 2 steps of
     * batch 2) into {@code out}, for tests of the run machinery around it.
     */
    public static String[] tinyRun(Path out, String cell) {
        return new String[] {"run", "--tasks", "adding-T6", "--cells", cell, "--hidden", "4", "--steps", "2",
            "--batch", "2", "--backends", "reference", "--out", out.toString(), "--progress", "none"};
    }

    /** Runs a command in this JVM. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** Starts a command as a separate JVM on this test's class path; its output goes to files in {@code dir}. */
    public static Process start(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }
}
