package org.rnnbench.harness.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;
import org.rnnbench.core.run.RunStatus;

/**
 * The run records of a results directory: {@code runs.jsonl}, one {@link RunRecord} per line
 * ({@link RunRecordCodec}), appended crash-safely through {@link JsonLines}.
 */
public final class RunStore {
    /** The file name inside a results directory. */
    public static final String FILE = "runs.jsonl";

    private final Path file;

    /** The store of a results directory. */
    public RunStore(Path dir) {
        this.file = dir.resolve(FILE);
    }

    /** The JSON lines file. */
    public Path file() {
        return file;
    }

    /**
     * Every complete record, in file order.
     *
     * @throws IllegalArgumentException naming file and line when a complete line is not a record
     */
    public List<RunRecord> records() throws IOException {
        List<String> lines = JsonLines.lines(file);
        List<RunRecord> records = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            records.add(RunRecordCodec.fromJson(lines.get(i), file + ":" + (i + 1)));
        }
        return records;
    }

    /** The records by id; a later record of the same id replaces an earlier one. */
    public Map<String, RunRecord> byId() throws IOException {
        Map<String, RunRecord> map = new LinkedHashMap<>();
        for (RunRecord r : records()) {
            map.put(r.id(), r);
        }
        return map;
    }

    /** Appends one record as one line. */
    public void append(RunRecord record) throws IOException {
        JsonLines.append(file, RunRecordCodec.toJson(record));
    }

    /** Truncates a partial last line left by a killed writer; see {@link JsonLines#repair}. */
    public long repair() throws IOException {
        return JsonLines.repair(file);
    }

    /**
     * Removes the records of FAILED units so that they run again, atomically.
     *
     * @return how many were removed
     */
    public int dropFailed() throws IOException {
        List<String> lines = JsonLines.lines(file);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (RunRecordCodec.fromJson(lines.get(i), file + ":" + (i + 1)).status() != RunStatus.FAILED) {
                kept.add(lines.get(i));
            }
        }
        if (kept.size() != lines.size()) {
            JsonLines.rewrite(file, kept);
        }
        return lines.size() - kept.size();
    }
}
