package org.rnnbench.harness.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.testing.SampleRecords;

class RunStoreTest {
    @TempDir
    Path dir;

    private static RunRecord record(String backend, RunStatus status) {
        return SampleRecords.record(SampleRecords.params(backend, "lstm", 0), status, new double[] {0.5, Double.NaN},
            new long[] {1, 2}, Map.of("mse", 0.1));
    }

    @Test
    void recordsRoundTripWithNonFiniteValues() throws IOException {
        RunStore store = new RunStore(dir);
        store.append(record("scratch", RunStatus.DIVERGED));
        RunRecord back = store.records().get(0);
        assertEquals(RunStatus.DIVERGED, back.status());
        assertTrue(Double.isNaN(back.losses()[1]));
        assertEquals(record("scratch", RunStatus.DIVERGED).id(), back.id());
    }

    @Test
    void aCorruptCompleteLineIsReportedWithFileAndLine() throws IOException {
        RunStore store = new RunStore(dir);
        store.append(record("scratch", RunStatus.OK));
        Files.writeString(store.file(), "{not json\n", StandardOpenOption.APPEND);
        UsageException e = assertThrows(UsageException.class, store::records);
        assertTrue(e.getMessage().startsWith(store.file() + ":2"), e.getMessage());
    }

    @Test
    void aUnitRecordedTwiceIsBadInputNamingBothLines() throws IOException {
        RunStore store = new RunStore(dir);
        store.append(record("scratch", RunStatus.OK));
        store.append(record("djl", RunStatus.OK));
        store.append(record("scratch", RunStatus.FAILED));
        UsageException e = assertThrows(UsageException.class, store::byId);
        assertEquals("unit " + record("scratch", RunStatus.OK).id() + " is recorded twice, at " + store.file()
            + ":1 and at " + store.file() + ":3; a results directory holds each unit once; remove one of the two"
            + " lines", e.getMessage());
        assertThrows(UsageException.class, store::records);
    }

    @Test
    void dropFailedRemovesOnlyFailedRecords() throws IOException {
        RunStore store = new RunStore(dir);
        store.append(record("scratch", RunStatus.OK));
        store.append(record("djl", RunStatus.FAILED));
        store.append(record("dl4j", RunStatus.UNSUPPORTED));
        assertEquals(1, store.dropFailed());
        List<RunStatus> left = store.records().stream().map(RunRecord::status).toList();
        assertEquals(List.of(RunStatus.OK, RunStatus.UNSUPPORTED), left);
        assertEquals(0, store.dropFailed());
    }
}
