package org.rnnbench.harness.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.SampleRecords;

class ShardProgressTest {
    @TempDir
    Path out;

    private static RunRecord record(long seed, RunStatus status) {
        return SampleRecords.record(SampleRecords.params("scratch", "gru", seed), status, new double[] {0.5},
            new long[] {1}, Map.of("mse", 0.1));
    }

    private static String id(long seed) {
        return record(seed, RunStatus.OK).id();
    }

    @Test
    void shardsWithUnrecordedUnitsAreLeftCountingMergedAndShardRecords() throws IOException {
        List<List<String>> shards = List.of(List.of(id(0), id(1)), List.of(id(2)), List.of(id(3), id(4)));
        assertEquals(Map.of(0, 2, 1, 1, 2, 2), ShardProgress.left(out, shards, false), "nothing recorded yet");
        Files.createDirectories(out.resolve("shards/0"));
        Files.createDirectories(out.resolve("shards/2"));
        new RunStore(out.resolve("shards/0")).append(record(0, RunStatus.OK));
        new RunStore(out.resolve("shards/0")).append(record(1, RunStatus.DIVERGED));
        new RunStore(out.resolve("shards/2")).append(record(3, RunStatus.FAILED));
        new RunStore(out).append(record(2, RunStatus.OK));
        assertEquals(Map.of(2, 1), ShardProgress.left(out, shards, false));
        assertEquals(Map.of(2, 2), ShardProgress.left(out, shards, true), "a FAILED unit runs again on request");
    }
}
