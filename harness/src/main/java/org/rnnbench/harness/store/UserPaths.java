package org.rnnbench.harness.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.rnnbench.harness.UsageException;

/**
 * Checks of the paths a user gives (input files, output files and directories) before any work starts, and the
 * words for what a path is or why writing it failed, so that every such error is one line naming the path and
 * the cause.
 */
public final class UserPaths {
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private UserPaths() {
    }

    /**
     * What a path is: {@code a regular file}, {@code a directory}, {@code a FIFO (named pipe)}, {@code a character
     * device}, {@code a block device}, {@code a socket}, {@code a broken symbolic link} or {@code no such file}.
     */
    public static String kind(Path p) {
        if (Files.isRegularFile(p)) {
            return "a regular file";
        }
        if (Files.isDirectory(p)) {
            return "a directory";
        }
        if (!Files.exists(p)) {
            return Files.isSymbolicLink(p) ? "a broken symbolic link" : "no such file";
        }
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode") & TYPE_MASK;
            return switch (mode) {
                case FIFO -> "a FIFO (named pipe)";
                case CHARACTER_DEVICE -> "a character device";
                case BLOCK_DEVICE -> "a block device";
                case SOCKET -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "not a regular file";
        }
    }

    /**
     * Requires an existing regular file to read.
     *
     * @param option   the option that named it, e.g. {@code --weights}
     * @param expected what would be right, e.g. {@code a safetensors file}
     * @throws UsageException saying what the path is instead
     */
    public static void requireInputFile(String option, Path file, String expected) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + " " + file + ": " + kind(file) + "; give " + expected);
        }
    }

    /**
     * Requires a path a file can be written to: not a directory or special file, and below a directory (existing
     * or to be created) that can be written.
     *
     * @throws UsageException naming the path and what is in the way
     */
    public static void requireOutputFile(String option, Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UsageException(option + " " + file + ": " + kind(file) + ", not a file that can be written;"
                + " give a file name");
        }
        requireWritableParent(option, file);
    }

    /**
     * Requires a path a directory can be created at or written into.
     *
     * @throws UsageException naming the path and what is in the way
     */
    public static void requireOutputDirectory(String option, Path dir) {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException(option + " " + dir + ": " + kind(dir) + ", not a directory; give a"
                    + " directory path");
            }
            if (!Files.isWritable(dir)) {
                throw new UsageException(option + " " + dir + ": the directory is not writable (permission"
                    + " denied); give a writable directory");
            }
            return;
        }
        requireWritableParent(option, dir);
    }

    private static void requireWritableParent(String option, Path path) {
        Path ancestor = path.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor, LinkOption.NOFOLLOW_LINKS)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return;
        }
        if (!Files.isDirectory(ancestor)) {
            throw new UsageException(option + " " + path + ": " + ancestor + " is " + kind(ancestor) + ", not a"
                + " directory, so nothing can be created below it; give another path");
        }
        if (!Files.isWritable(ancestor)) {
            throw new UsageException(option + " " + path + ": directory " + ancestor + " is not writable"
                + " (permission denied); give another path");
        }
    }

    /** Why an I/O operation failed, in words: the path and the cause, e.g. {@code x/runs.jsonl: disk full}. */
    public static String describe(IOException e) {
        String cause;
        if (e instanceof AccessDeniedException) {
            cause = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            cause = "no such file or directory";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            cause = f.getReason().contains("No space left") ? "disk full (" + f.getReason() + ")" : f.getReason();
        } else {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : UsageException.firstLine(
                e.getMessage());
            cause = m.contains("No space left") ? "disk full (" + m + ")" : m;
        }
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile()
            + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") : null;
        return file == null ? cause : file + ": " + cause;
    }
}
