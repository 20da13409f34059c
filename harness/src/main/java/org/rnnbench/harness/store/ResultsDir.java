package org.rnnbench.harness.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.Version;

/**
 * A results directory: a manifest {@code rnnbench.json} saying what kind of study it holds and the command that
 * made it, a lock held while a command writes into it, and the study's own files. Opening checks that an existing
 * directory really is one of the same kind and of the same plan, so that results never land in an unrelated
 * folder and two different commands never share one directory that its manifest describes as the first's; and that
 * nothing inside it is a symbolic link, so that a write never lands outside it. Both checks come before anything is
 * created or changed.
 */
public final class ResultsDir implements AutoCloseable {
    /** The manifest's file name. */
    public static final String MANIFEST = "rnnbench.json";
    private static final String LOCK = ".lock";
    /** What may be in a directory before its manifest: the lock, and a sharded sweep's shards and scripts. */
    private static final java.util.Set<String> SHARD_PARTS = java.util.Set.of(LOCK, "shards", "slurm");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * What a manifest holds.
     *
     * @param kind    the study: {@code run}, {@code gradients} or {@code verify}
     * @param name    the suite name or matrix hash the directory is named after
     * @param command the command line that created it
     * @param version the rnnbench version that created it
     * @param created ISO-8601 instant of creation
     */
    public record Manifest(String kind, String name, List<String> command, String version, String created) {
    }

    private final Path dir;
    private final Manifest manifest;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private ResultsDir(Path dir, Manifest manifest, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.manifest = manifest;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens a results directory for writing, creating it (and its manifest) when missing or empty, and locks it.
     *
     * @param name the plan: the suite name or the hash of the planned unit ids; a directory holds one plan
     * @throws UsageException when the path is a file, a non-empty directory without a manifest, a directory of
     *                        another kind of study or of another plan, holds a symbolic link, is locked by
     *                        another rnnbench process, or holds a run record file with a corrupt line or a unit
     *                        recorded twice
     */
    public static ResultsDir open(Path dir, String kind, String name, List<String> command) throws IOException {
        UserPaths.requireOutputDirectory("results directory", dir);
        refuseLinks(dir);
        Manifest existing = readManifest(dir, kind);
        if (existing != null && existing.name() != null && !existing.name().equals(name)) {
            throw new UsageException(dir + " holds the results of another " + kind + " (" + existing.name() + ", made"
                + " by '" + String.join(" ", existing.command() == null ? List.of() : existing.command()) + "'), not"
                + " of this one (" + name + "); use another --out");
        }
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UsageException("results directory " + dir + " cannot be written: " + UserPaths.describe(e)
                + "; choose another directory with --out");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new UsageException("results directory " + dir + " is in use by another rnnbench process; wait for"
                + " it to finish or choose another directory with --out");
        }
        try {
            new RunStore(dir).byId();
        } catch (UsageException e) {
            lock.release();
            channel.close();
            throw e;
        }
        Manifest manifest = existing;
        if (manifest == null) {
            manifest = new Manifest(kind, name, List.copyOf(command), Version.get(), Instant.now().toString());
            JsonLines.writeAtomically(dir.resolve(MANIFEST), GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8));
        }
        return new ResultsDir(dir, manifest, channel, lock);
    }

    /**
     * Checks an existing results directory for reading, without locking it.
     *
     * @throws UsageException when it is missing or not a results directory of that kind
     */
    public static Manifest check(Path dir, String kind) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("results directory " + dir + " does not exist; give a directory that an"
                + " rnnbench " + kind + " wrote");
        }
        Manifest m = readManifest(dir, kind);
        if (m == null) {
            throw new UsageException(dir + " is not an rnnbench results directory (no " + MANIFEST + "); give a"
                + " directory that an rnnbench " + kind + " wrote");
        }
        return m;
    }

    /** The manifest of an existing directory, null when the directory is missing or empty. */
    private static Manifest readManifest(Path dir, String kind) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(dir + " is a file, not a results directory; choose a directory path");
        }
        if (!Files.isDirectory(dir) || isEmpty(dir)) {
            return null;
        }
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(dir + " is not an rnnbench results directory: it holds files but no " + MANIFEST
                + "; choose a new or empty directory");
        }
        Manifest m;
        try {
            m = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Manifest.class);
        } catch (JsonParseException | IOException e) {
            throw new UsageException(file + " is not a valid rnnbench manifest (" + UsageException.firstLine(
                e.getMessage()) + "); choose a new or empty directory");
        }
        if (m == null || m.kind() == null) {
            throw new UsageException(file + " is not a valid rnnbench manifest (no kind); choose a new or empty"
                + " directory");
        }
        if (!m.kind().equals(kind)) {
            throw new UsageException(dir + " holds results of '" + m.kind() + "', not of '" + kind + "'; choose"
                + " another directory with --out");
        }
        return m;
    }

    /**
     * Refuses a directory with a symbolic link anywhere inside it (the directory itself may be one): a run record
     * file or a weights file that is a link would have rnnbench truncate and append to a file elsewhere.
     */
    static void refuseLinks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!p.equals(dir) && Files.isSymbolicLink(p)) {
                    throw new UsageException(p + " is a symbolic link (to " + Files.readSymbolicLink(p) + "); rnnbench"
                        + " writes only to files inside its results directory, never through a link: replace the"
                        + " link by a copy of the file or use another --out");
                }
            }
        }
    }

    /**
     * True when the directory holds nothing but perhaps a lock file left before its manifest was written, and the
     * parts of a sharded sweep ({@code shards/}, {@code slurm/}) that are made before the shards are merged into it.
     */
    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> SHARD_PARTS.contains(p.getFileName().toString()));
        }
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /** The manifest. */
    public Manifest manifest() {
        return manifest;
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
