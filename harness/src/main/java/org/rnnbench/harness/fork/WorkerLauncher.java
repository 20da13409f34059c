package org.rnnbench.harness.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.run.Environment;
import org.rnnbench.harness.worker.Protocol;
import org.rnnbench.harness.worker.WorkerMain;
import org.rnnbench.scratch.ScratchBackend;

/**
 * Starts worker JVMs ({@link WorkerMain}) on the parent's class path, on the {@code java} of
 * {@link WorkerSettings} (the parent's own unless {@code --java} says otherwise), with the flags every backend needs and one
 * backend's thread settings in place before any native library loads:
 * <ul>
 *   <li>environment {@code OMP_NUM_THREADS}, {@code MKL_NUM_THREADS}, {@code OPENBLAS_NUM_THREADS} = threads (ND4J
 *       and OpenBLAS read them when they load);</li>
 *   <li>{@code -Dai.djl.pytorch.num_threads} and {@code -Dai.djl.pytorch.num_interop_threads} = threads, and
 *       {@code -Dai.djl.offline=true} so that DJL fails at once instead of trying a download;</li>
 *   <li>{@code --add-modules=jdk.incubator.vector} in every worker, so that each sees the scratch backend;</li>
 *   <li>the {@link Backend#jvmOptions()} of the worker's backend, and of no other (the scratch backend's
 *       {@code -XX:-UseTypeSpeculation} is for its kernels, not a setting the frameworks' workers should run
 *       under);</li>
 *   <li>{@code RNNBENCH_GIT_COMMIT}, asked of git once by the parent, for every record's provenance.</li>
 * </ul>
 * System properties the user gave the parent for the frameworks ({@code ai.djl.*}, {@code org.bytedeco.*},
 * {@code org.nd4j.*}, {@code org.slf4j.*}, e.g. {@code -Dorg.bytedeco.javacpp.cachedir}) pass on to the worker, as
 * does {@code DJL_CACHE_DIR} with the rest of the environment; extra JVM options for workers (say {@code -Xmx16g})
 * come from the environment variable {@value #WORKER_OPTS}.
 */
public final class WorkerLauncher {
    /** The JVM flags every worker gets. */
    public static final List<String> JVM_FLAGS = List.of(ScratchBackend.ADD_VECTOR_MODULE);
    /** Environment variable with extra JVM options for worker JVMs, split on white space. */
    public static final String WORKER_OPTS = "RNNBENCH_WORKER_OPTS";
    /** Environment variables set to the thread count. */
    public static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS",
        "OPENBLAS_NUM_THREADS");
    private static final List<String> PASSED_PROPERTY_PREFIXES = List.of("ai.djl.", "org.bytedeco.", "org.nd4j.",
        "org.slf4j.");

    private final int threads;
    private final Path java;
    private final String gitCommit;

    /** A launcher of workers on the parent's own JVM with {@code threads} compute threads each. */
    public WorkerLauncher(int threads) {
        this(WorkerSettings.onThisJvm(threads));
    }

    /** A launcher of workers with the given settings. */
    public WorkerLauncher(WorkerSettings settings) {
        this.threads = settings.threads();
        this.java = settings.java();
        this.gitCommit = Environment.currentGitCommit();
    }

    /** The command line of a worker for {@code backend}, or for none in particular when it is null. */
    public List<String> command(String kind, Path jobFile, String backend) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(JVM_FLAGS);
        if (backend != null) {
            Backends.get(backend).jvmOptions().stream().filter(o -> !cmd.contains(o)).forEach(cmd::add);
        }
        String extra = System.getenv(WORKER_OPTS);
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.strip().split("\\s+")));
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (PASSED_PROPERTY_PREFIXES.stream().anyMatch(key::startsWith) && !isThreadProperty(key)) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
        cmd.add("-Dai.djl.pytorch.num_interop_threads=" + threads);
        if (System.getProperty("ai.djl.offline") == null) {
            cmd.add("-Dai.djl.offline=true");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WorkerMain.class.getName());
        cmd.add(kind);
        cmd.add(jobFile.toAbsolutePath().toString());
        return cmd;
    }

    private static boolean isThreadProperty(String key) {
        return key.equals("ai.djl.pytorch.num_threads") || key.equals("ai.djl.pytorch.num_interop_threads");
    }

    /**
     * Starts a worker for {@code backend} (null: for none in particular, as the one that lists them all). Its
     * standard error goes to {@code log} (appended); its protocol events go to {@code events} from a reader thread;
     * its standard input stays open until it ends (see {@link WorkerMain}).
     */
    public WorkerProcess start(String kind, Path jobFile, String backend, Path log, Consumer<Protocol.Event> events)
        throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command(kind, jobFile, backend));
        Map<String, String> env = pb.environment();
        for (String v : THREAD_VARIABLES) {
            env.put(v, Integer.toString(threads));
        }
        env.put("RNNBENCH_GIT_COMMIT", gitCommit);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new WorkerProcess(pb.start(), log, events);
    }
}
