package org.rnnbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The scheduler identity a record carries: Slurm's and Kubernetes' variables under their own names. */
class EnvironmentSchedulerTest {

    @Test
    void slurmVariablesAreKeptUnderTheirOwnNamesAndOthersAreNot() {
        Map<String, String> env = Map.of("SLURM_JOB_ID", "1042", "SLURM_ARRAY_JOB_ID", "1040",
            "SLURM_ARRAY_TASK_ID", "2", "SLURMD_NODENAME", "node07", "HOSTNAME", "node07.cluster", "PATH", "/bin");
        Map<String, String> s = Environment.scheduler(env);
        assertEquals(Map.of("SLURM_JOB_ID", "1042", "SLURM_ARRAY_JOB_ID", "1040", "SLURM_ARRAY_TASK_ID", "2",
            "SLURMD_NODENAME", "node07"), s, "HOSTNAME only on Kubernetes");
        assertEquals("node07", new Environment("c", "j", "o", "a", "cpu", 2, Map.of(), Map.of(), s).node());
    }

    @Test
    void onKubernetesThePodNameAndCompletionIndexAreKept() {
        Map<String, String> s = Environment.scheduler(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1",
            "HOSTNAME", "sweep-3-abcde", "JOB_COMPLETION_INDEX", "3"));
        assertEquals(Map.of("HOSTNAME", "sweep-3-abcde", "JOB_COMPLETION_INDEX", "3"), s);
        assertEquals("sweep-3-abcde", new Environment("c", "j", "o", "a", "cpu", 2, Map.of(), Map.of(), s).node());
    }

    @Test
    void outsideASchedulerTheMapIsEmptyAndThereIsNoNode() {
        assertEquals(Map.of(), Environment.scheduler(Map.of("HOSTNAME", "laptop", "USER", "me")));
        Environment e = new Environment("c", "j", "o", "a", "cpu", 2, Map.of(), Map.of(), null);
        assertEquals(Map.of(), e.scheduler());
        assertNull(e.node());
    }
}
