package org.rnnbench.harness.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.harness.worker.WorkerMain;
import org.rnnbench.scratch.ScratchBackend;

/** A worker's command line carries the scratch backend's JVM flags and the thread settings. */
class WorkerLauncherTest {
    @Test
    void commandCarriesJvmFlagsAndThreads() {
        List<String> cmd = new WorkerLauncher(3).command("train", Path.of("job.json"));
        int main = cmd.indexOf(WorkerMain.class.getName());
        assertTrue(main > 0, "no main class in " + cmd);
        for (String flag : ScratchBackend.JVM_FLAGS) {
            int at = cmd.indexOf(flag);
            assertTrue(at > 0 && at < main, flag + " should come before the main class in " + cmd);
        }
        assertTrue(cmd.contains("-XX:-UseTypeSpeculation"));
        assertTrue(cmd.contains("-Dai.djl.pytorch.num_threads=3"), cmd.toString());
        assertEquals(List.of(WorkerMain.class.getName(), "train", Path.of("job.json").toAbsolutePath().toString()),
            cmd.subList(main, cmd.size()));
    }
}
