package org.rnnbench.harness.worker;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.Logging;
import org.rnnbench.harness.Version;
import org.rnnbench.harness.store.RunStore;

/**
 * The entry point of a worker JVM: {@code WorkerMain <kind> <job-file>} with kind {@code train} (run units, for
 * {@code run} and {@code gradients}), {@code probe} (stack probes, for {@code verify}) or {@code describe} (writes
 * the backends' descriptions and versions to the file, for {@code list}). The parent starts one per backend with that backend's thread settings in the
 * environment and system properties, so they are in place before any native library loads.
 *
 * <p>The worker keeps its original standard output for the {@link Protocol} and sends everything else printed to
 * {@code System.out} (some frameworks print there) to standard error, which the parent writes to a log file. It
 * halts as soon as its standard input closes: the parent holds the other end, so a parent killed with
 * {@code kill -9} takes its worker with it and never leaves a second writer on the results.
 *
 * <p>Exit codes: 0 when every unit of the job has its result on disk, 2 for a bad job, 1 for anything else.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** Runs a job. */
    public static void main(String[] args) {
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
        System.setOut(System.err);
        Logging.quiet();
        watchParent(System.in);
        if (args.length != 2) {
            System.err.println("usage: WorkerMain train|probe|describe <file>");
            System.exit(2);
        }
        Protocol protocol = new Protocol(protocolOut);
        int code;
        try {
            code = switch (args[0]) {
                case "train" -> train(JobFiles.read(Path.of(args[1]), TrainJob.class), protocol);
                case "probe" -> ProbeWorker.run(JobFiles.read(Path.of(args[1]), ProbeJob.class));
                case "describe" -> {
                    JobFiles.write(Path.of(args[1]), new BackendInfo.Listing(BackendInfo.current()));
                    yield 0;
                }
                default -> {
                    System.err.println("unknown worker kind '" + args[0] + "'; known: train, probe, describe");
                    yield 2;
                }
            };
        } catch (IOException | RuntimeException e) {
            System.err.println("worker failed: " + e);
            e.printStackTrace(System.err);
            code = 1;
        }
        protocolOut.flush();
        System.exit(code);
    }

    /** Trains the units of a job, appending each record as it finishes. */
    static int train(TrainJob job, Protocol protocol) throws IOException {
        Backend backend = Backends.get(job.backend());
        Path dir = Path.of(job.resultsDir());
        RunStore store = new RunStore(dir);
        store.repair();
        UnitTrainer trainer = new UnitTrainer(backend, job.threads(), dir, libraries(backend), job.evaluate());
        for (int i = 0; i < job.units().size(); i++) {
            int unit = i;
            protocol.start(unit);
            RunRecord record = trainer.run(job.units().get(unit), (done, total) -> protocol.step(unit, done, total));
            store.append(record);
            protocol.done(unit, record.status().name());
        }
        return 0;
    }

    /** The versions a record names: the backend's libraries and rnnbench's own. */
    static Map<String, String> libraries(Backend backend) {
        Map<String, String> libs = new TreeMap<>(backend.versions());
        libs.put("rnnbench", Version.get());
        return libs;
    }

    /** Halts the JVM when {@code in} reaches its end, i.e. when the parent process is gone. */
    static void watchParent(InputStream in) {
        Thread t = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the parent never writes; wait for the end of the stream
                }
            } catch (IOException e) {
                // a broken pipe means the same as the end
            }
            Runtime.getRuntime().halt(3);
        }, "rnnbench-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
