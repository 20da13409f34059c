package org.rnnbench.reports.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;

/**
 * Loads every run-record file of a results directory: the files whose names end in {@value #SUFFIX}, found
 * recursively and read in path order, one {@link RunRecord} per non-blank line, except below {@code shards/}
 * (a sharded sweep's shards, whose records {@code rnnbench merge} copies into the directory itself; a shard is read
 * as a directory of its own). The directory named may be a symbolic link (results kept elsewhere, gathered under
 * one name); links below it are not followed, and files are named by the path given.
 *
 * <p>Corrupt input is an error whose one-line message names {@code file:line}: a line that is not a complete
 * record, a record without task, backend or cell, a file that is not UTF-8. One case is only a warning: a
 * <em>partial last line</em>, i.e. the file does not end with a newline and its last line does not parse. That is
 * what a run killed while appending its record leaves behind; the records before it are complete and are kept,
 * the partial one is skipped and named in {@link Results#warnings()}. A directory without any record is an error
 * too, since nothing could be reported from it. So is a unit (a run id) recorded twice, unless the caller reads
 * with another {@link Duplicates} rule.
 */
public final class ResultsReader {
    /** The file name suffix of run-record files. */
    public static final String SUFFIX = ".jsonl";
    /** A sharded sweep's shards, left out: {@code rnnbench merge} puts their records in the directory. */
    public static final String SHARDS = "shards";

    private ResultsReader() {
    }

    /**
     * Reads a results directory, each unit once ({@link Duplicates#REJECT}).
     *
     * @throws ResultsException naming the directory, file or line that is wrong
     */
    public static Results read(Path dir) {
        return read(dir, Duplicates.REJECT);
    }

    /**
     * Reads a results directory, with a rule for a unit recorded twice; a record left out by the rule is named in
     * the warnings.
     *
     * @throws ResultsException naming the directory, file or line that is wrong
     */
    public static Results read(Path dir, Duplicates duplicates) {
        if (!Files.isDirectory(dir)) {
            throw new ResultsException("results directory " + dir + (Files.exists(dir) ? " is not a directory"
                : " does not exist"));
        }
        List<Path> files = recordFiles(dir);
        List<LoadedRun> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            readFile(file, runs, warnings);
        }
        if (runs.isEmpty()) {
            throw new ResultsException("no run records in " + dir + (files.isEmpty()
                ? " (no *" + SUFFIX + " file in it or below it)" : " (" + files.size() + " *" + SUFFIX
                + " file(s), none with a complete record)"));
        }
        return new Results(dir, files, oncePerUnit(runs, duplicates, warnings), warnings);
    }

    private static List<LoadedRun> oncePerUnit(List<LoadedRun> runs, Duplicates duplicates, List<String> warnings) {
        Map<String, LoadedRun> byId = new LinkedHashMap<>();
        for (LoadedRun run : runs) {
            LoadedRun earlier = byId.get(run.record().id());
            if (earlier == null) {
                byId.put(run.record().id(), run);
                continue;
            }
            LoadedRun kept = duplicates.choose(earlier, run);
            LoadedRun dropped = kept == earlier ? run : earlier;
            byId.put(run.record().id(), kept);
            warnings.add(dropped.source() + ": skipped unit " + run.record().id() + ", recorded again at "
                + kept.source());
        }
        return new ArrayList<>(byId.values());
    }

    private static List<Path> recordFiles(Path dir) {
        Path shards = dir.resolve(SHARDS);
        try {
            Path root = dir.toRealPath(); // Files.walk does not enter a link it starts from
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.map(p -> dir.resolve(root.relativize(p)))
                    .filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)
                        && !p.startsWith(shards)).sorted().toList();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ResultsException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void readFile(Path file, List<LoadedRun> runs, List<String> warnings) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new ResultsException(file + ": not UTF-8 text; a run-record file holds JSON lines", e);
        } catch (IOException e) {
            throw new ResultsException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        String[] lines = text.split("\n", -1);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        boolean endsWithNewline = text.endsWith("\n");
        for (int i = 0; i <= last; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            RunRecord record;
            try {
                record = RunRecordCodec.fromJson(line, where);
            } catch (IllegalArgumentException e) {
                if (i == last && !endsWithNewline) {
                    warnings.add(where + ": skipped a partial last line (" + line.length()
                        + " characters, no newline at the end of the file: the run was probably stopped while"
                        + " writing it)");
                    continue;
                }
                throw new ResultsException(oneLine(e.getMessage()), e);
            }
            runs.add(new LoadedRun(complete(record, where), where));
        }
    }

    /** The record with every missing array, map and string made empty; rejects missing identity fields. */
    static RunRecord complete(RunRecord r, String where) {
        RunParams p = r.params();
        if (p.task() == null || p.backend() == null || p.cell() == null) {
            throw new ResultsException(where + ": the record's params need task, backend and cell, found task="
                + p.task() + ", backend=" + p.backend() + ", cell=" + p.cell());
        }
        return new RunRecord(r.id(), p, r.status(), text(r.message()), text(r.encoding()), text(r.topology()),
            text(r.loss()), r.canonicalParameters(), r.nativeParameters(), r.trainFlopsPerStep(),
            r.losses() == null ? new double[0] : r.losses(), r.stepNanos() == null ? new long[0] : r.stepNanos(),
            text(r.primaryMetric()), r.higherIsBetter(), map(r.metrics()), map(r.chanceAnalytic()),
            map(r.chanceEmpirical()), r.targetLoss(), r.stepsToTarget(), r.secondsToTarget(),
            r.gradNormsInitial() == null ? new double[0] : r.gradNormsInitial(),
            r.gradNormsTrained() == null ? new double[0] : r.gradNormsTrained(), r.environment(),
            text(r.finishedAt()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Double> map(Map<String, Double> m) {
        return m == null ? Map.of() : m;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
