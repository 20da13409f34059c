package org.rnnbench.harness.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.NativeSetting;
import org.rnnbench.core.run.Environment;
import org.rnnbench.harness.worker.Protocol;
import org.rnnbench.harness.worker.WorkerMain;

/**
 * Starts worker JVMs ({@link WorkerMain}) on the parent's class path, on the {@code java} of
 * {@link WorkerSettings} (the parent's own unless {@code --java} says otherwise), with what the worker's backend
 * says of itself through the SPI in place before any native library loads:
 * <ul>
 *   <li>its {@link Backend#jvmOptions()}, and no other backend's (one backend's JIT setting is not a setting the
 *       others should run under);</li>
 *   <li>its {@link Backend#threadSettings} for the thread count: environment variables in the worker's
 *       environment, system properties on its command line (replacing values the user gave the parent);</li>
 *   <li>the system properties the user gave the parent for its libraries ({@link Backend#propertyPrefixes}, e.g.
 *       {@code -Dorg.bytedeco.javacpp.cachedir}) and for logging ({@code org.slf4j.*});</li>
 *   <li>{@code RNNBENCH_GIT_COMMIT}, asked of git once by the parent, for every record's provenance.</li>
 * </ul>
 * A worker for no backend in particular (the one that lists them all) gets the union of every backend's options and
 * settings. The rest of the environment passes on as it is; extra JVM options for workers (say {@code -Xmx16g})
 * come from the environment variable {@value #WORKER_OPTS}. Workers run under the serial collector
 * ({@link #COLLECTOR}) unless those options choose another.
 */
public final class WorkerLauncher {
    /** Environment variable with extra JVM options for worker JVMs, split on white space. */
    public static final String WORKER_OPTS = "RNNBENCH_WORKER_OPTS";
    /**
     * The garbage collector of every worker unless its options choose one. The JVM's default on two or more cores,
     * G1, made DJL's step times bimodal from one JVM to the next: the same unit (8 hidden units, batch 8) took
     * 0.65-0.75 ms per step in some JVMs and 1.1-2.0 ms in others for all its steps (8 of 14 first units slow), and
     * the parallel collector did the same (3 of 3 JVMs with a slow unit); under the serial collector 6 JVMs out of
     * 6 ran every unit at the fast speed, as they did with the JVM confined to one core. A worker has one compute
     * thread per backend thread and allocates little that lives; the serial collector has no collector threads of
     * its own to run beside it.
     */
    static final String COLLECTOR = "-XX:+UseSerialGC";
    /** Prefix of the logging properties every worker gets from the parent. */
    static final String LOGGING_PREFIX = "org.slf4j.";

    private final int threads;
    private final JavaExecutable java;
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
        List<Backend> backends = backendsOf(backend);
        List<NativeSetting> settings = settings(backends);
        List<String> cmd = new ArrayList<>();
        cmd.add(java.path().toString());
        backends.stream().flatMap(b -> b.jvmOptions(java.feature()).stream()).filter(o -> !cmd.contains(o))
            .forEach(cmd::add);
        String extraText = System.getenv(WORKER_OPTS);
        List<String> extra = extraText == null || extraText.isBlank() ? List.of()
            : List.of(extraText.strip().split("\\s+"));
        cmd.addAll(collector(cmd, extra));
        cmd.addAll(extra);
        List<String> prefixes = new ArrayList<>(List.of(LOGGING_PREFIX));
        backends.forEach(b -> prefixes.addAll(b.propertyPrefixes()));
        Set<String> settingNames = settings.stream().map(NativeSetting::name).collect(Collectors.toSet());
        for (String key : new TreeSet<>(System.getProperties().stringPropertyNames())) {
            if (prefixes.stream().anyMatch(key::startsWith) && !settingNames.contains(key)) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        for (NativeSetting s : settings) {
            if (s.kind() == NativeSetting.Kind.SYSTEM_PROPERTY) {
                cmd.add("-D" + s.name() + "=" + s.value());
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WorkerMain.class.getName());
        cmd.add(kind);
        cmd.add(jobFile.toAbsolutePath().toString());
        return cmd;
    }

    /** {@link #COLLECTOR}, or nothing when the options so far or the user's extra options choose a collector. */
    static List<String> collector(List<String> options, List<String> extra) {
        boolean chosen = Stream.concat(options.stream(), extra.stream())
            .anyMatch(o -> o.matches("-XX:\\+Use\\w+GC"));
        return chosen ? List.of() : List.of(COLLECTOR);
    }

    /** The environment variables a worker for {@code backend} (null: for none in particular) gets set. */
    public Map<String, String> environment(String backend) {
        Map<String, String> env = new LinkedHashMap<>();
        for (NativeSetting s : settings(backendsOf(backend))) {
            if (s.kind() == NativeSetting.Kind.ENVIRONMENT) {
                env.put(s.name(), s.value());
            }
        }
        env.put("RNNBENCH_GIT_COMMIT", gitCommit);
        return env;
    }

    private static List<Backend> backendsOf(String backend) {
        return backend == null ? Backends.available() : List.of(Backends.get(backend));
    }

    /** The thread settings of the backends, each name once (the first backend naming it decides). */
    private List<NativeSetting> settings(List<Backend> backends) {
        Map<String, NativeSetting> byName = new LinkedHashMap<>();
        backends.forEach(b -> b.threadSettings(threads).forEach(s -> byName.putIfAbsent(s.name(), s)));
        return List.copyOf(byName.values());
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
        pb.environment().putAll(environment(backend));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new WorkerProcess(pb.start(), log, events);
    }
}
