package org.rnnbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.fork.JavaExecutable;
import org.rnnbench.harness.fork.WorkerLauncher;
import org.rnnbench.harness.fork.WorkerSettings;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;

/**
 * {@code --java PATH}: the workers run on the JVM it names (a java executable or a JDK home), which every record's
 * environment then shows; a path that is no usable java fails before anything runs, in one line.
 */
class JavaOptionTest {
    @TempDir
    Path tmp;

    private Cli.Result run(String java, Path out) {
        return Cli.run("run", "--tasks", "adding-T6", "--cells", "rnn-tanh", "--hidden", "4", "--steps", "2",
            "--batch", "2", "--backends", "reference", "--progress", "none", "--java", java, "--out", out.toString());
    }

    private static void assertUsage(Cli.Result r, String expected) {
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("rnnbench: --java "), r.err());
        assertTrue(r.err().contains(expected), "'" + expected + "' missing from: " + r.err());
    }

    @Test
    void aJdkHomeRunsTheWorkersAndIsRecorded() throws IOException {
        Path out = tmp.resolve("r");
        Cli.Result r = run(System.getProperty("java.home"), out);
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        List<RunRecord> records = new RunStore(out).records();
        assertEquals(1, records.size());
        String jvm = records.get(0).environment().jvm();
        assertTrue(jvm.contains(" " + System.getProperty("java.version") + " "), jvm);
        assertTrue(jvm.endsWith(" (Serial GC)"), "the workers' collector is recorded: " + jvm);
    }

    @Test
    void theWorkerCommandStartsWithTheGivenJava() {
        Path java = Path.of("/opt/some-jdk/bin/java");
        List<String> cmd = new WorkerLauncher(new WorkerSettings(2, new JavaExecutable(java, 17))).command("train",
            Path.of("job.json"),
            null);
        assertEquals(java.toString(), cmd.get(0));
    }

    @Test
    void eachBackendGetsTheJvmOptionsOfTheWorkersRelease() {
        Path java = Path.of("/opt/some-jdk/bin/java");
        for (Backend b : Backends.available()) {
            for (int feature : new int[] {17, 21, 25}) {
                List<String> cmd = new WorkerLauncher(new WorkerSettings(1, new JavaExecutable(java, feature)))
                    .command("train", Path.of("job.json"), b.id());
                for (int other : new int[] {17, 21, 25}) {
                    for (String option : b.jvmOptions(other)) {
                        assertEquals(b.jvmOptions(feature).contains(option), cmd.contains(option),
                            b.id() + " on Java " + feature + ": " + option + " in " + cmd);
                    }
                }
            }
        }
    }

    @Test
    void aMissingPathFailsInOneLine() {
        Path out = tmp.resolve("missing");
        assertUsage(run(tmp.resolve("no-such-jdk").toString(), out), "no such file");
        assertTrue(Files.notExists(out), "nothing may be written");
    }

    @Test
    void aProgramThatIsNotJavaFailsInOneLine() throws IOException {
        Path fake = script("not-java", "echo hello");
        assertUsage(run(fake.toString(), tmp.resolve("o1")), "cannot read a version");
    }

    @Test
    void aJavaOlderThan17FailsInOneLine() throws IOException {
        Path old = script("java8", "echo 'openjdk version \"1.8.0_392\"' >&2");
        assertUsage(run(old.toString(), tmp.resolve("o2")), "Java 8; the workers need Java 17 or later");
    }

    private Path script(String name, String body) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
