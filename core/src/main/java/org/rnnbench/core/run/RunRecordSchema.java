package org.rnnbench.core.run;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The fields a run record of each schema version must have, in one table. A record line names its version in
 * {@value #FIELD}; a line without it is version 1 (the records written before versions existed).
 *
 * <p>Version 1 is a frozen list. The current version ({@link #CURRENT}) is derived from the components of
 * {@link RunRecord} and of the records it holds ({@link RunParams}, {@link Environment}), so a component added to
 * any of them is required of new records at once. When that happens to records already written in the current
 * version, freeze the current list here as a literal, as version 1 is, and raise {@link #CURRENT}.
 */
public final class RunRecordSchema {
    /** The field holding the schema version. */
    public static final String FIELD = "schemaVersion";
    /** The version written now. */
    public static final int CURRENT = 4;

    private static final List<String> VERSION_1 = List.of("id", "params.task", "params.backend", "params.cell",
        "params.hidden", "params.layers", "params.init", "params.optimizer", "params.learningRate",
        "params.clipNorm", "params.tbptt", "params.batchSize", "params.steps", "params.seed", "params.threads",
        "status", "message", "encoding", "topology", "loss", "canonicalParameters", "nativeParameters",
        "trainFlopsPerStep", "losses", "stepNanos", "primaryMetric", "higherIsBetter", "metrics", "chanceAnalytic",
        "chanceEmpirical", "targetLoss", "stepsToTarget", "secondsToTarget", "gradNormsInitial", "gradNormsTrained",
        "environment.gitCommit", "environment.jvm", "environment.os", "environment.arch", "environment.cpu",
        "environment.cores", "environment.libraries", "environment.threads", "finishedAt");

    /** Version 2 added the version field itself and no other. */
    private static final List<String> VERSION_2 = VERSION_1;

    /** Version 3 added {@code environment.scheduler}. */
    private static final List<String> VERSION_3 = with(VERSION_1, "environment.scheduler");

    /** Version 4 adds {@code environment.calibration}. */
    private static final Map<Integer, List<String>> REQUIRED = Map.of(1, VERSION_1, 2, VERSION_2, 3, VERSION_3,
        CURRENT, fieldsOf(RunRecord.class, ""));

    private RunRecordSchema() {
    }

    /** The fields required of a record of {@code version}, nested ones as dotted paths ({@code params.task}). */
    public static List<String> required(int version) {
        List<String> fields = REQUIRED.get(version);
        if (fields == null) {
            throw new IllegalArgumentException("no run-record schema version " + version);
        }
        return fields;
    }

    /**
     * The version a record line declares: 1 without the field.
     *
     * @throws IllegalArgumentException when it is not a whole number from 1 to {@link #CURRENT}
     */
    public static int version(JsonObject line) {
        JsonElement v = line.get(FIELD);
        if (v == null) {
            return 1;
        }
        String text = v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? v.getAsString() : v.toString();
        if (text.matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= CURRENT) {
                return n;
            }
        }
        throw new IllegalArgumentException(FIELD + " " + text + " is not one this rnnbench reads (1 to " + CURRENT
            + "); read it with the rnnbench version that wrote it");
    }

    /** The required fields that {@code line} lacks (or holds as null), in table order. */
    public static List<String> missing(JsonObject line, int version) {
        List<String> out = new ArrayList<>();
        for (String path : required(version)) {
            JsonElement at = line;
            for (String part : path.split("\\.")) {
                at = at != null && at.isJsonObject() ? at.getAsJsonObject().get(part) : null;
            }
            if (at == null || at.isJsonNull()) {
                out.add(path);
            }
        }
        return out;
    }

    private static List<String> with(List<String> fields, String added) {
        List<String> out = new ArrayList<>(fields);
        out.add(out.indexOf("environment.threads") + 1, added);
        return List.copyOf(out);
    }

    /** The component names of a record type, recursing into components that are records themselves. */
    static List<String> fieldsOf(Class<?> type, String prefix) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isRecord()) {
                out.addAll(fieldsOf(c.getType(), prefix + c.getName() + "."));
            } else {
                out.add(prefix + c.getName());
            }
        }
        return List.copyOf(out);
    }

    /** The table, version to required fields, for documentation and tests. */
    static Map<Integer, List<String>> table() {
        return new TreeMap<>(REQUIRED);
    }
}
