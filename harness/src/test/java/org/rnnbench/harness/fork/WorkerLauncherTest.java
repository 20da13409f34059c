package org.rnnbench.harness.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.NativeSetting;
import org.rnnbench.harness.worker.WorkerMain;

/**
 * A worker's command line and environment carry what its backend says of itself through the SPI, and no other
 * backend's options or settings; a worker for no backend in particular carries every backend's.
 */
class WorkerLauncherTest {
    private final WorkerLauncher launcher = new WorkerLauncher(3);

    @Test
    void aWorkerGetsItsBackendsOptionsOnceBeforeTheMainClassAndNoOtherBackends() {
        for (Backend b : Backends.available()) {
            List<String> cmd = launcher.command("train", Path.of("job.json"), b.id());
            int main = cmd.indexOf(WorkerMain.class.getName());
            for (String option : b.jvmOptions()) {
                int at = cmd.indexOf(option);
                assertTrue(at > 0 && at < main, option + " should come before the main class in " + cmd);
                assertEquals(at, cmd.lastIndexOf(option), option + " appears twice in " + cmd);
            }
            for (Backend other : Backends.available()) {
                other.jvmOptions().stream().filter(o -> !b.jvmOptions().contains(o)).forEach(o ->
                    assertFalse(cmd.contains(o), b.id() + " runs under " + other.id() + "'s " + o + ": " + cmd));
            }
            assertEquals(List.of(WorkerMain.class.getName(), "train", Path.of("job.json").toAbsolutePath().toString()),
                cmd.subList(main, cmd.size()));
        }
    }

    @Test
    void workersRunUnderTheSerialCollectorUnlessTheirOptionsChooseOne() {
        for (Backend b : Backends.available()) {
            List<String> cmd = launcher.command("train", Path.of("job.json"), b.id());
            assertTrue(cmd.indexOf(WorkerLauncher.COLLECTOR) > 0
                && cmd.indexOf(WorkerLauncher.COLLECTOR) < cmd.indexOf(WorkerMain.class.getName()), cmd.toString());
        }
        assertEquals(List.of(WorkerLauncher.COLLECTOR), WorkerLauncher.collector(List.of("java"), List.of("-Xmx2g")));
        assertEquals(List.of(), WorkerLauncher.collector(List.of("java"), List.of("-Xmx2g", "-XX:+UseG1GC")));
        assertEquals(List.of(), WorkerLauncher.collector(List.of("java", "-XX:+UseZGC"), List.of()));
        assertEquals(List.of(WorkerLauncher.COLLECTOR),
            WorkerLauncher.collector(List.of("java"), List.of("-XX:-UseG1GC")));
    }

    @Test
    void aDjlWorkerGetsDjlsThreadPropertiesItsOneDnnCapAndNoThreadVariables() {
        List<String> cmd = launcher.command("train", Path.of("job.json"), "djl");
        for (NativeSetting s : Backends.get("djl").threadSettings(3)) {
            if (s.kind() == NativeSetting.Kind.SYSTEM_PROPERTY) {
                assertTrue(cmd.contains("-D" + s.name() + "=3"), cmd.toString());
            }
        }
        assertTrue(cmd.contains("-Dai.djl.pytorch.num_threads=3"), cmd.toString());
        Map<String, String> env = launcher.environment("djl");
        assertEquals(Set.of("RNNBENCH_GIT_COMMIT", "ONEDNN_MAX_CPU_ISA"), env.keySet());
        assertEquals("AVX2", env.get("ONEDNN_MAX_CPU_ISA"));
    }

    @Test
    void aDl4jWorkerGetsTheThreadVariablesAndNoDjlProperty() {
        List<String> cmd = launcher.command("train", Path.of("job.json"), "dl4j");
        assertFalse(cmd.stream().anyMatch(o -> o.startsWith("-Dai.djl.")), cmd.toString());
        Map<String, String> env = launcher.environment("dl4j");
        for (String v : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")) {
            assertEquals("3", env.get(v), env.toString());
        }
    }

    @Test
    void aWorkerForNoBackendGetsTheUnionOfEverySetting() {
        List<String> cmd = launcher.command("describe", Path.of("backends.json"), null);
        Map<String, String> env = launcher.environment(null);
        for (Backend b : Backends.available()) {
            b.jvmOptions().forEach(o -> assertTrue(cmd.contains(o), b.id() + ": " + o + " in " + cmd));
            for (NativeSetting s : b.threadSettings(3)) {
                assertTrue(s.kind() == NativeSetting.Kind.ENVIRONMENT ? s.value().equals(env.get(s.name()))
                    : cmd.contains("-D" + s.name() + "=" + s.value()), b.id() + ": " + s);
            }
        }
        assertEquals("3", env.get("OMP_NUM_THREADS"));
        assertTrue(cmd.contains("-Dai.djl.pytorch.num_interop_threads=3"), cmd.toString());
    }

    @Test
    void theUsersThreadPropertyIsReplacedButItsOtherLibraryPropertiesPassOn() {
        System.setProperty("ai.djl.pytorch.num_threads", "7");
        System.setProperty("ai.djl.repository.zoo.location", "/nowhere");
        try {
            List<String> cmd = launcher.command("train", Path.of("job.json"), "djl");
            assertFalse(cmd.contains("-Dai.djl.pytorch.num_threads=7"), cmd.toString());
            assertTrue(cmd.contains("-Dai.djl.repository.zoo.location=/nowhere"), cmd.toString());
            assertFalse(launcher.command("train", Path.of("job.json"), "scratch")
                .contains("-Dai.djl.repository.zoo.location=/nowhere"), "scratch reads no DJL property");
        } finally {
            System.clearProperty("ai.djl.pytorch.num_threads");
            System.clearProperty("ai.djl.repository.zoo.location");
        }
    }
}
