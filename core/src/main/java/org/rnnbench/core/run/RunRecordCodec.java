package org.rnnbench.core.run;

import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Run records as single JSON lines. NaN and infinities are written as the bare tokens {@code NaN} and
 * {@code Infinity} (as Python's json module does), so a diverged run keeps its curve. Every line starts with its
 * schema version ({@link RunRecordSchema}); reading is strict: a line must be JSON (but for those two tokens) and
 * hold every field its version requires.
 */
public final class RunRecordCodec {
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues()
        .disableHtmlEscaping().create();

    private RunRecordCodec() {
    }

    /** One line of JSON, no trailing newline. */
    public static String toJson(RunRecord record) {
        JsonObject line = new JsonObject();
        line.addProperty(RunRecordSchema.FIELD, RunRecordSchema.CURRENT);
        for (Map.Entry<String, JsonElement> e : GSON.toJsonTree(record).getAsJsonObject().entrySet()) {
            line.add(e.getKey(), e.getValue());
        }
        return GSON.toJson(line);
    }

    /**
     * Parses one line.
     *
     * @param where names the file and line in a message, e.g. {@code results/x/runs.jsonl:12}
     * @throws IllegalArgumentException naming {@code where} and what is wrong
     */
    public static RunRecord fromJson(String line, String where) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException(where + ": empty line where a run record was expected");
        }
        RunRecord r;
        try {
            StrictJson.check(line);
            JsonElement parsed = JsonParser.parseString(line);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("a JSON object was expected, found " + kind(parsed));
            }
            JsonObject object = parsed.getAsJsonObject();
            int version = RunRecordSchema.version(object);
            List<String> missing = RunRecordSchema.missing(object, version);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("schema version " + version + " requires " + String.join(", ",
                    missing) + ", missing here");
            }
            r = GSON.fromJson(object, RunRecord.class);
        } catch (RuntimeException e) {
            // Gson wraps a record constructor's own complaint (a missing id, say) in a bare RuntimeException
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String detail = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage().split("\n")[0];
            throw new IllegalArgumentException(where + ": not a valid run record (" + detail + ")", e);
        }
        if (r == null) {
            throw new IllegalArgumentException(where + ": empty line where a run record was expected");
        }
        return r;
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "an array" : e.isJsonNull() ? "null" : "the value " + e;
    }
}
