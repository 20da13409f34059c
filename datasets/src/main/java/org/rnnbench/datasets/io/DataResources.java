package org.rnnbench.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Class-path access to the data files: reading a resource (failing with its name when it is missing), strict
 * UTF-8 decoding, and a per-JVM cache so that every file is parsed at most once.
 */
public final class DataResources {
    /** The class-path folder of the shipped files. */
    public static final String FOLDER = "/org/rnnbench/datasets/data/";

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private DataResources() {
    }

    /** The value for {@code key}, made by {@code load} on first use and kept for the life of the JVM. */
    static <T> T cached(String key, Class<T> type, Supplier<T> load) {
        return type.cast(CACHE.computeIfAbsent(key, k -> load.get()));
    }

    /** The whole resource (an absolute class-path path) as text; bytes that are not UTF-8 fail with their offset. */
    static String text(String resource) {
        byte[] raw;
        try (InputStream in = DataResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DataFileException(resource, "not found on the class path; the datasets module ships its"
                    + " data under " + FOLDER);
            }
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new DataFileException(resource, "cannot be read: " + e.getMessage(), e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer out = CharBuffer.allocate(raw.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new DataFileException(resource, "is not UTF-8 text: byte " + in.position()
                + " starts an invalid sequence");
        }
        return out.flip().toString();
    }
}
