package org.rnnbench.harness.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.harness.worker.WorkerMain;
import org.rnnbench.scratch.ScratchBackend;

/** A worker's command line: the common flags, its own backend's JVM options and no other's, its threads. */
class WorkerLauncherTest {
    private final WorkerLauncher launcher = new WorkerLauncher(3);

    @Test
    void scratchWorkerGetsScratchsOptionsOnceBeforeTheMainClass() {
        List<String> cmd = launcher.command("train", Path.of("job.json"), ScratchBackend.ID);
        int main = cmd.indexOf(WorkerMain.class.getName());
        for (String option : ScratchBackend.JVM_OPTIONS) {
            int at = cmd.indexOf(option);
            assertTrue(at > 0 && at < main, option + " should come before the main class in " + cmd);
            assertEquals(at, cmd.lastIndexOf(option), option + " appears twice in " + cmd);
        }
        assertTrue(cmd.contains("-Dai.djl.pytorch.num_threads=3"), cmd.toString());
        assertEquals(List.of(WorkerMain.class.getName(), "train", Path.of("job.json").toAbsolutePath().toString()),
            cmd.subList(main, cmd.size()));
    }

    @Test
    void otherWorkersSeeScratchButDoNotRunUnderItsJitSetting() {
        for (String backend : new String[] {"djl", "dl4j", null}) {
            List<String> cmd = launcher.command("train", Path.of("job.json"), backend);
            assertTrue(cmd.contains(ScratchBackend.ADD_VECTOR_MODULE), cmd.toString());
            assertFalse(cmd.contains(ScratchBackend.NO_TYPE_SPECULATION), backend + ": " + cmd);
        }
    }
}
