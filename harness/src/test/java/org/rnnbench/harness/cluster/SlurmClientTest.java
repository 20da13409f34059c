package org.rnnbench.harness.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against stand-in sbatch and scontrol scripts that answer as Slurm 22.05 does. */
class SlurmClientTest {
    @TempDir
    Path tmp;

    private String script(String name, String body) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        f.toFile().setExecutable(true);
        return f.toString();
    }

    @Test
    void submitReturnsTheJobIdAndPassesTheOptionsBeforeTheScript() throws Exception {
        String sbatch = script("sbatch", "echo \"$@\" > " + tmp.resolve("args") + "; echo '4711;cluster'");
        SlurmClient c = new SlurmClient(sbatch, "scontrol", "squeue");
        assertEquals("4711", c.submit(List.of("--array=1,3"), Path.of("/x/array.sbatch")));
        assertEquals("--parsable --array=1,3 /x/array.sbatch", Files.readString(tmp.resolve("args")).strip());
    }

    @Test
    void aRefusedSubmissionSaysWhatSbatchSaid() throws Exception {
        String sbatch = script("sbatch", "echo 'sbatch: error: Invalid partition name specified' >&2; exit 1");
        ClusterException e = assertThrows(ClusterException.class,
            () -> new SlurmClient(sbatch, "scontrol", "squeue").submit(List.of(), Path.of("/x/a.sbatch")));
        assertTrue(e.getMessage().contains("Invalid partition name") && e.getMessage().contains("exit 1"),
            e.getMessage());
        assertThrows(ClusterException.class, () -> new SlurmClient(tmp.resolve("none").toString(), "scontrol",
            "squeue").submit(List.of(), Path.of("/x/a.sbatch")));
    }

    @Test
    void awaitPollsUntilAFinalStateAndReadsTheExitCode() throws Exception {
        Path count = tmp.resolve("count");
        String scontrol = script("scontrol", "n=$(cat " + count + " 2>/dev/null || echo 0); echo $((n+1)) > " + count
            + "\nif [ $n -lt 2 ]; then echo 'JobId=9 JobName=m JobState=PENDING Reason=Dependency ExitCode=0:0';"
            + " else echo 'JobId=9 JobName=m JobState=FAILED Reason=NonZeroExitCode ExitCode=1:0'; fi");
        SlurmClient.JobEnd end = new SlurmClient("sbatch", scontrol, "squeue").await("9", 1);
        assertEquals(new SlurmClient.JobEnd("FAILED", 1, 0), end);
        assertTrue(end.ran(), "a script that exited 1 ran");
        assertEquals("3", Files.readString(count).strip());
    }

    @Test
    void aCancelledJobDidNotRunWhateverItsExitCode() throws Exception {
        assertFalse(SlurmClient.parse("JobId=5 JobState=CANCELLED Reason=Dependency ExitCode=0:0").ran());
        assertFalse(SlurmClient.parse("JobId=5 JobState=TIMEOUT ExitCode=0:15").ran());
        assertFalse(SlurmClient.parse("JobId=5 JobState=FAILED ExitCode=0:9").ran());
        assertTrue(SlurmClient.parse("JobId=5 JobState=COMPLETED ExitCode=0:0").ran());
        assertThrows(ClusterException.class, () -> SlurmClient.parse("nothing here"));
    }

    @Test
    void activeJobsAreThoseWithTheComment() throws Exception {
        String squeue = script("squeue", "printf '%s\\n' '41_[2-3]|rnnbench:/r/a' '41_1|rnnbench:/r/a' '42|rnnbench:/r/ab'"
            + " '43|(null)'");
        SlurmClient c = new SlurmClient("sbatch", "scontrol", squeue);
        assertEquals(List.of("41_[2-3]", "41_1"), c.active("rnnbench:/r/a"));
        assertEquals(List.of(), c.active("rnnbench:/r/b"));
    }

    @Test
    void aJobSlurmForgotIsNullForQueryAndAnErrorForAwait() throws Exception {
        String scontrol = script("scontrol", "echo 'slurm_load_jobs error: Invalid job id specified' >&2; exit 1");
        SlurmClient c = new SlurmClient("sbatch", scontrol, "squeue");
        assertNull(c.query("77"));
        assertThrows(ClusterException.class, () -> c.await("77", 1));
    }
}
