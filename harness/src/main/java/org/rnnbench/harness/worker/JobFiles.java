package org.rnnbench.harness.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import org.rnnbench.harness.store.JsonLines;

/** Job files: what the parent hands a worker JVM, as JSON (NaN allowed), written atomically. */
public final class JobFiles {
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting()
        .create();

    private JobFiles() {
    }

    /** Writes a job. */
    public static void write(Path file, Object job) throws IOException {
        JsonLines.writeAtomically(file, GSON.toJson(job).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a job of a type. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
    }
}
