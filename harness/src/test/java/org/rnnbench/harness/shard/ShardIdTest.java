package org.rnnbench.harness.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.rnnbench.harness.UsageException;

/** --shard I/N and --shard env, with Slurm's and Kubernetes' variables. */
class ShardIdTest {

    private static String refused(String text, Integer shards, Map<String, String> env) {
        return assertThrows(UsageException.class, () -> ShardId.parse(text, shards, env)).getMessage();
    }

    @Test
    void anExplicitShard() {
        assertEquals(new ShardId(3, 16), ShardId.parse("3/16", null, Map.of()));
        assertEquals(new ShardId(0, 1), ShardId.parse(" 0/1 ", 1, Map.of()));
    }

    @Test
    void badValuesAreRefusedWithTheValue() {
        assertTrue(refused("4/4", null, Map.of()).contains("must be in [0, 3]"));
        assertTrue(refused("-1/4", null, Map.of()).contains("must be in [0, 3]"));
        assertTrue(refused("0/0", null, Map.of()).contains("0 shards"));
        assertTrue(refused("3", null, Map.of()).contains("give I/N"));
        assertTrue(refused("a/4", null, Map.of()).contains("'a' is not a whole number"));
        assertTrue(refused("1/4", 8, Map.of()).contains("the counts differ"));
    }

    @Test
    void slurmArrayTask() {
        Map<String, String> env = Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_COUNT", "8");
        assertEquals(new ShardId(5, 8), ShardId.parse("env", null, env));
        assertEquals(new ShardId(5, 16), ShardId.parse("env", 16, env), "a resubmitted array has fewer tasks");
        assertTrue(refused("env", null, Map.of("SLURM_ARRAY_TASK_ID", "5")).contains("SLURM_ARRAY_TASK_COUNT is"
            + " not set"));
        assertTrue(refused("env", null, Map.of("SLURM_ARRAY_TASK_ID", "9", "SLURM_ARRAY_TASK_COUNT", "8"))
            .contains("must be in [0, 7]"));
        assertTrue(refused("env", null, Map.of("SLURM_ARRAY_TASK_ID", "x", "SLURM_ARRAY_TASK_COUNT", "8"))
            .contains("SLURM_ARRAY_TASK_ID: 'x'"));
    }

    @Test
    void kubernetesIndexedJobNeedsTheCount() {
        Map<String, String> env = Map.of("JOB_COMPLETION_INDEX", "2");
        assertEquals(new ShardId(2, 4), ShardId.parse("ENV", 4, env));
        assertTrue(refused("env", null, env).contains("needs --shards N"));
    }

    @Test
    void envWithoutASchedulerIsRefused() {
        assertTrue(refused("env", 4, Map.of("HOSTNAME", "x")).contains("neither SLURM_ARRAY_TASK_ID nor"
            + " JOB_COMPLETION_INDEX is set"));
    }
}
