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
import org.rnnbench.harness.UsageException;
import org.rnnbench.reports.read.Duplicates;

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
     * Every complete record, in file order, each unit once.
     *
     * @throws UsageException naming file and line when a complete line is not a record, or both lines of a unit
     *                        recorded twice
     */
    public List<RunRecord> records() throws IOException {
        return List.copyOf(byId().values());
    }

    /**
     * The records by id, in file order.
     *
     * @throws UsageException as {@link #records()}
     */
    public Map<String, RunRecord> byId() throws IOException {
        List<String> lines = JsonLines.lines(file);
        Map<String, RunRecord> map = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            RunRecord r = parse(lines.get(i), i);
            Integer earlier = lineOf.putIfAbsent(r.id(), i + 1);
            if (earlier != null) {
                throw new UsageException(Duplicates.message(r.id(), file + ":" + earlier, file + ":" + (i + 1)));
            }
            map.put(r.id(), r);
        }
        return map;
    }

    private RunRecord parse(String line, int index) {
        try {
            return RunRecordCodec.fromJson(line, file + ":" + (index + 1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(UsageException.firstLine(e.getMessage()) + "; repair or remove that line");
        }
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
            if (parse(lines.get(i), i).status() != RunStatus.FAILED) {
                kept.add(lines.get(i));
            }
        }
        if (kept.size() != lines.size()) {
            JsonLines.rewrite(file, kept);
        }
        return lines.size() - kept.size();
    }
}
