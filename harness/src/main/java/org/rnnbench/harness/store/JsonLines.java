package org.rnnbench.harness.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of JSON lines that a crash never corrupts. Every record is one line written with a single
 * write, then flushed and forced to disk, so a complete line (one ending in a newline) is always a complete record;
 * a process killed in the middle of a write can only leave a trailing partial line without its newline, which
 * {@link #repair} truncates before anything is appended. Readers ({@link #lines}) ignore such a tail. Neither
 * appending nor repairing follows a symbolic link.
 *
 * <p>One writer at a time: the harness's parent process holds the results directory's lock and its worker JVMs
 * write one after another.
 */
public final class JsonLines {
    private JsonLines() {
    }

    /**
     * The complete lines of a file (each without its newline); a trailing partial line is left out. A missing file
     * has no lines.
     */
    public static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i > start) {
                    lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /**
     * Truncates a trailing partial line (bytes after the last newline), the only damage a killed writer leaves.
     *
     * @return the number of bytes removed, 0 when the file was whole or missing
     */
    public static long repair(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            long end = size;
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            // scan back from the end, a chunk at a time, to just after the last newline
            scan:
            while (end > 0) {
                int n = (int) Math.min(chunk.capacity(), end);
                chunk.clear().limit(n);
                readFully(ch, chunk, end - n);
                for (int i = n - 1; i >= 0; i--) {
                    if (chunk.get(i) == '\n') {
                        end = end - n + i + 1;
                        break scan;
                    }
                }
                end -= n;
            }
            if (end < size) {
                ch.truncate(end);
                ch.force(true);
            }
            return size - end;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new IOException("file shrank while it was read");
            }
        }
    }

    /**
     * Appends one line: a single write of the line and its newline, then a flush to disk.
     *
     * @throws IllegalArgumentException when the line contains a newline (it would become two records)
     */
    public static void append(Path file, String line) throws IOException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a JSON line must not contain a line break");
        }
        ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /**
     * Replaces the whole file with {@code lines} atomically (a temporary file forced to disk, then renamed over
     * it): a crash leaves either the old or the new file.
     */
    public static void rewrite(Path file, List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a whole file atomically: a temporary file in the same directory, forced, then renamed. */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
