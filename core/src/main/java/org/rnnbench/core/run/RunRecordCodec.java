package org.rnnbench.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * Run records as single JSON lines. NaN and infinities are written as the bare tokens {@code NaN} and
 * {@code Infinity} (as Python's json module does), so a diverged run keeps its curve.
 */
public final class RunRecordCodec {
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues()
        .disableHtmlEscaping().create();

    private RunRecordCodec() {
    }

    /** One line of JSON, no trailing newline. */
    public static String toJson(RunRecord record) {
        return GSON.toJson(record);
    }

    /**
     * Parses one line.
     *
     * @param where names the file and line in a message, e.g. {@code results/x/runs.jsonl:12}
     * @throws IllegalArgumentException naming {@code where} and what is wrong
     */
    public static RunRecord fromJson(String line, String where) {
        RunRecord r;
        try {
            r = GSON.fromJson(line, RunRecord.class);
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
}
