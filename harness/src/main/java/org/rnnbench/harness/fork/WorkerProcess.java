package org.rnnbench.harness.fork;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.rnnbench.harness.worker.Protocol;

/**
 * A running worker JVM: a thread reads its protocol lines and hands the events on; {@link #waitFor()} returns its
 * exit code once it has ended and every line has been read.
 */
public final class WorkerProcess {
    /** Exit code of a JVM ended by SIGINT (Ctrl-C). */
    public static final int SIGINT = 130;
    /** Exit code of a JVM ended by SIGKILL (kill -9, or the kernel's out-of-memory killer). */
    public static final int SIGKILL = 137;
    /** Exit code of a JVM ended by SIGTERM. */
    public static final int SIGTERM = 143;

    private final Process process;
    private final Path log;
    private final Thread reader;

    WorkerProcess(Process process, Path log, Consumer<Protocol.Event> events) {
        this.process = process;
        this.log = log;
        this.reader = new Thread(() -> read(events), "rnnbench-worker-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void read(Consumer<Protocol.Event> events) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Protocol.Event e = Protocol.parse(line);
                if (e != null) {
                    events.accept(e);
                }
            }
        } catch (IOException e) {
            // the worker is gone; its exit code tells the rest
        }
    }

    /** Waits for the worker to end and its output to be read; returns its exit code. */
    public int waitFor() throws InterruptedException {
        int code = process.waitFor();
        reader.join();
        return code;
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** Ends the worker (its descendants too) when the parent stops early. */
    public void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The last {@code n} non-empty lines of the worker's log, for an error message. */
    public List<String> logTail(int n) {
        return tail(log, n);
    }

    /** The last {@code n} non-empty lines of a file, empty when it cannot be read. */
    public static List<String> tail(Path file, int n) {
        Deque<String> last = new ArrayDeque<>();
        try {
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    last.addLast(line);
                    if (last.size() > n) {
                        last.removeFirst();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(last);
    }

    /** True when an exit code says the worker was interrupted by the user (Ctrl-C or SIGTERM). */
    public static boolean interrupted(int code) {
        return code == SIGINT || code == SIGTERM;
    }
}
