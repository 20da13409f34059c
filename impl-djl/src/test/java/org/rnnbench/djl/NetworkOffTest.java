package org.rnnbench.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.testkit.Comparison;

/**
 * The backend works with no network at all and an empty native cache: a child JVM (this test's class path) runs
 * {@link OfflineRun} inside {@code unshare -rn} (a new user and network namespace: only a loopback interface,
 * down) with {@code DJL_CACHE_DIR} pointing at a fresh directory under {@code target/}. It must unpack libtorch
 * from the jars into that directory, train, match this JVM's losses, and print nothing on stderr (no DJL log line,
 * no libtorch warning).
 *
 * <p>The child gets no {@code ai.djl.offline} and no intra-op thread property, so the backend's own settings are
 * checked too: offline mode switched on, intra-op threads from {@code create}'s argument (2), while the inter-op
 * count the user set (1) is kept.
 */
class NetworkOffTest {
    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void aFreshCacheWithoutNetworkTrainsQuietlyWithTheBackendsOwnSettings() throws Exception {
        requireUnshare();
        Path cache = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "djl-offline-cache");
        try {
            Map<String, String> child = runChild(cache);
            assertEquals("0", child.get("interfacesUp"), "the child must run without any network interface up");
            assertEquals("true", child.get("offline"), "the backend sets ai.djl.offline when the user did not");
            assertEquals("2", child.get(DjlEngine.NUM_THREADS), "intra-op threads come from create's argument");
            assertEquals("1", child.get(DjlEngine.NUM_INTEROP_THREADS), "the user's inter-op setting is kept");
            double[] here = OfflineRun.losses(1);
            Comparison.assertClose("loss of step 1 in the offline child", Double.parseDouble(child.get("loss1")),
                here[0], 1e-5);
            Comparison.assertClose("loss of step 2 in the offline child", Double.parseDouble(child.get("loss2")),
                here[1], 1e-5);
            try (Stream<Path> files = Files.walk(cache)) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("libtorch_cpu.so")),
                    "libtorch must have been unpacked into DJL_CACHE_DIR " + cache);
            }
        } finally {
            deleteRecursively(cache);
        }
    }

    private static Map<String, String> runChild(Path cache) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "-rn",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "-D" + DjlEngine.NUM_INTEROP_THREADS + "=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            OfflineRun.class.getName(), "2"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DJL_OFFLINE");
        pb.environment().put(DjlEngine.CACHE_DIR, cache.toString());
        Path out = cache.resolve("stdout.txt");
        Path err = cache.resolve("stderr.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the offline child did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the offline child failed; stderr:\n" + stderr + "\nstdout:\n" + stdout);
        assertEquals("", stderr, "the offline child must print nothing on stderr");
        Map<String, String> values = new HashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    // the network-off check is part of the contract of this module: without unshare it fails, it does not skip
    private static void requireUnshare() throws IOException, InterruptedException {
        String problem;
        try {
            Process p = new ProcessBuilder("unshare", "-rn", "true").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            problem = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null
                : "'unshare -rn true' failed: " + output;
        } catch (IOException e) {
            problem = "cannot run 'unshare': " + e.getMessage();
        }
        if (problem != null) {
            fail(problem + ". This test runs the backend in a network namespace without network; it needs util-linux"
                + " unshare and either root or unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1"
                + " or user.max_user_namespaces > 0).");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
