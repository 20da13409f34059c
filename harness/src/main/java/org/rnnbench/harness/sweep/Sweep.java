package org.rnnbench.harness.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.harness.fork.WorkerLauncher;
import org.rnnbench.harness.fork.WorkerProcess;
import org.rnnbench.harness.fork.WorkerSettings;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.harness.progress.Progress;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.store.WeightsFiles;
import org.rnnbench.harness.worker.JobFiles;
import org.rnnbench.harness.worker.Protocol;
import org.rnnbench.harness.worker.TrainJob;

/**
 * Runs planned units into a results directory, resumably: units whose id is already in {@code runs.jsonl} are
 * skipped; the initial weights of the rest are made once per configuration and written under {@code weights/};
 * then worker JVMs, one at a time (so that timings never share the CPU), train the units and append a record per
 * unit: each backend's units are dealt into rounds and the backends take turns round by round, each turn in a
 * fresh JVM ({@link Rounds}).
 *
 * <p>When a worker dies in the middle of a unit (a native crash, the out-of-memory killer), that unit is recorded
 * as FAILED with the exit code and the last line of the worker's log, and a new worker goes on with the rest. When
 * it dies before starting any unit, the backend could not start: its units stay unrecorded (a later run retries
 * them) and the sweep goes on with the next backend. Ctrl-C or SIGTERM stops the sweep; running the same command
 * again resumes it.
 */
public final class Sweep {
    /** Lines of a worker's log quoted when it fails. */
    static final int LOG_LINES = 1;

    private final Path dir;
    private final WorkerSettings workers;
    private final int threads;
    private final int rounds;
    private final boolean evaluate;
    private final Progress.Mode progressMode;
    private final PrintWriter err;
    private final TaskCatalog tasks = new TaskCatalog();
    private final AtomicReference<WorkerProcess> running = new AtomicReference<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    /**
     * A sweep into {@code dir}.
     *
     * @param rounds   the rounds each backend's units are dealt into ({@link Rounds}), at least 1
     * @param evaluate false for a gradient study (no evaluation after training)
     */
    public Sweep(Path dir, WorkerSettings workers, int rounds, boolean evaluate, Progress.Mode progressMode,
                 PrintWriter err) {
        this.dir = dir;
        this.workers = workers;
        this.rounds = rounds;
        this.threads = workers.threads();
        this.evaluate = evaluate;
        this.progressMode = progressMode;
        this.err = err;
    }

    /**
     * What a sweep did.
     *
     * @param skipped       units already recorded before it started
     * @param ran           units recorded by it
     * @param notStarted    backend id to the reason its worker could not start
     * @param interrupted   true when the user stopped it
     */
    public record Outcome(int skipped, int ran, Map<String, String> notStarted, boolean interrupted) {
    }

    /** Runs every unit not yet recorded. */
    public Outcome run(List<PlannedUnit> units) throws IOException, InterruptedException {
        RunStore store = new RunStore(dir);
        store.repair();
        Set<String> recorded = store.byId().keySet();
        Map<String, List<PlannedUnit>> byBackend = new LinkedHashMap<>();
        int skipped = 0;
        for (PlannedUnit u : units) {
            if (recorded.contains(u.id())) {
                skipped++;
            } else {
                byBackend.computeIfAbsent(u.params().backend(), k -> new ArrayList<>()).add(u);
            }
        }
        int pending = units.size() - skipped;
        if (pending > 0) {
            writeInitialWeights(byBackend);
        }
        Map<String, String> notStarted = new LinkedHashMap<>();
        int ran = 0;
        Thread hook = new Thread(this::stopWorker, "rnnbench-stop-worker");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Progress progress = new Progress(err, progressMode, pending, System::nanoTime)) {
            byBackend.values().forEach(list -> list.forEach(u -> progress.planned(u.params().backend(), u.cost())));
            WorkerLauncher launcher = new WorkerLauncher(workers);
            for (Rounds.Turn turn : Rounds.of(byBackend, rounds)) {
                if (notStarted.containsKey(turn.backend())) {
                    continue;
                }
                BackendRun result = runBackend(turn.backend(), turn.units(), launcher, store, progress);
                ran += result.ran;
                if (result.notStarted != null) {
                    notStarted.put(turn.backend(), result.notStarted);
                }
                if (result.interrupted) {
                    return new Outcome(skipped, ran, notStarted, true);
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs
            }
        }
        return new Outcome(skipped, ran, notStarted, false);
    }

    private static final class BackendRun {
        int ran;
        String notStarted;
        boolean interrupted;
    }

    private BackendRun runBackend(String backend, List<PlannedUnit> units, WorkerLauncher launcher, RunStore store,
                                  Progress progress) throws IOException, InterruptedException {
        BackendRun result = new BackendRun();
        String file = backend.replace(':', '_');
        Path jobFile = dir.resolve("jobs").resolve(file + ".json");
        Path log = dir.resolve("logs").resolve(file + ".log");
        List<PlannedUnit> todo = units;
        while (!todo.isEmpty()) {
            List<PlannedUnit> job = todo;
            JobFiles.write(jobFile, new TrainJob(backend, threads, dir.toAbsolutePath().toString(), job, evaluate));
            Set<Integer> started = new HashSet<>();
            WorkerProcess worker = launcher.start("train", jobFile, backend, log, event -> onEvent(event, job, started,
                progress));
            running.set(worker);
            int code = worker.waitFor();
            running.set(null);
            Set<String> recorded = store.byId().keySet();
            List<PlannedUnit> left = job.stream().filter(u -> !recorded.contains(u.id())).toList();
            result.ran += job.size() - left.size();
            if (left.isEmpty()) {
                break;
            }
            if (WorkerProcess.interrupted(code) || stopping.get()) {
                result.interrupted = true;
                return result;
            }
            PlannedUnit crashed = left.get(0);
            String why = exitText(code) + lastLog(worker, log);
            if (!started.contains(job.indexOf(crashed))) {
                result.notStarted = "the " + backend + " worker JVM " + why;
                return result;
            }
            store.append(FailedRecords.of(crashed, tasks, "the " + backend + " worker JVM " + why, threads));
            progress.finished("FAILED");
            result.ran++;
            todo = left.subList(1, left.size());
        }
        return result;
    }

    private static void onEvent(Protocol.Event e, List<PlannedUnit> job, Set<Integer> started, Progress progress) {
        if (e.unit() < 0 || e.unit() >= job.size()) {
            return;
        }
        PlannedUnit u = job.get(e.unit());
        switch (e.event()) {
            case "start" -> {
                started.add(e.unit());
                progress.started(u.params().backend(), label(u), u.cost());
            }
            case "step" -> progress.step(e.done(), e.total());
            case "done" -> progress.finished(e.status());
            default -> {
                // Protocol.parse returns only the events above
            }
        }
    }

    /** A short label of a unit for the progress display, e.g. {@code djl lstm adding-T50 seed1}. */
    static String label(PlannedUnit u) {
        return u.params().backend() + " " + u.params().cell() + " " + u.params().task() + " seed" + u.params().seed();
    }

    private static String exitText(int code) {
        return switch (code) {
            case WorkerProcess.SIGKILL -> "was killed (SIGKILL, exit code 137; perhaps the out-of-memory killer)";
            case 134 -> "aborted (SIGABRT, exit code 134, a native crash)";
            case 139 -> "crashed (SIGSEGV, exit code 139, a native crash)";
            default -> "ended with exit code " + code;
        };
    }

    private String lastLog(WorkerProcess worker, Path log) {
        List<String> tail = worker.logTail(LOG_LINES);
        return tail.isEmpty() ? "" : "; " + dir.relativize(log) + " ends: " + tail.get(tail.size() - 1).strip();
    }

    /** On Ctrl-C or SIGTERM: marks the sweep as stopping (so no unit is blamed) and ends the worker. */
    private void stopWorker() {
        stopping.set(true);
        WorkerProcess w = running.get();
        if (w != null) {
            w.destroy();
        }
    }

    /** Writes the initial weights of every pending unit's configuration, once per file. */
    private void writeInitialWeights(Map<String, List<PlannedUnit>> byBackend) throws IOException {
        Set<String> written = new HashSet<>();
        for (List<PlannedUnit> list : byBackend.values()) {
            for (PlannedUnit u : list) {
                if (!written.add(u.weightsFile())) {
                    continue;
                }
                SequenceTask task = tasks.get(u.params().task());
                ModelSpec model = task.model(CellType.parse(u.params().cell()), u.params().hidden(),
                    u.params().layers());
                CanonicalWeights w = Initializer.initialize(model, Init.parse(u.params().init()), u.params().seed());
                // an earlier run of the same command wrote the same bytes; anything else is rewritten from the seed
                WeightsFiles.ensure(dir.resolve(u.weightsFile()), w);
            }
        }
    }
}
