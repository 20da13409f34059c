package org.rnnbench.core.run;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.NativeSetting;

/**
 * Where a result was measured: git commit, JVM, OS and architecture, CPU model and cores, library versions and
 * thread settings. Every run record carries one.
 *
 * @param gitCommit commit of the working tree ({@code unknown} outside git), with {@code -dirty} when modified
 * @param jvm       JVM name and version, then the garbage collector in parentheses ({@link #collector}): it moves
 *                  step times as much as the JVM's version does
 * @param os        OS name and version
 * @param arch      CPU architecture
 * @param cpu       CPU model name
 * @param cores     available processors
 * @param libraries library name to version (backends' and rnnbench's own)
 * @param threads   thread settings: the backend's thread count and the native thread variables in effect
 * @param scheduler the batch scheduler's identity of the job that ran it, under the variables' own names
 *                  ({@link #SCHEDULER_VARIABLES}); empty outside a scheduler
 * @param calibration the speed of the machine as the JVM that ran the unit measured it, by name: milliseconds of a
 *                  fixed single-threaded workload ({@code gemm_ms}, {@code scalar_ms}) just before the unit, under
 *                  {@code before.}, and just after it, under {@code after.} (records of version 4 written before
 *                  the measurement after a unit existed have the bare names, measured before the JVM's first unit);
 *                  empty when not measured. Comparisons of step times across runs divide by its ratio.
 */
public record Environment(String gitCommit, String jvm, String os, String arch, String cpu, int cores,
                          Map<String, String> libraries, Map<String, String> threads,
                          Map<String, String> scheduler, Map<String, Double> calibration) {

    /** Slurm's and Kubernetes' variables that say which job, array task, index and node ran a process. */
    public static final List<String> SCHEDULER_VARIABLES = List.of("SLURM_JOB_ID", "SLURM_ARRAY_JOB_ID",
        "SLURM_ARRAY_TASK_ID", "SLURMD_NODENAME", "JOB_COMPLETION_INDEX");
    /** Set in every Kubernetes pod; the pod's name is then in {@code HOSTNAME}. */
    public static final String KUBERNETES = "KUBERNETES_SERVICE_HOST";
    /** The prefix of the calibration figures measured just before the unit. */
    public static final String CALIBRATION_BEFORE = "before.";
    /** The prefix of the calibration figures measured just after the unit. */
    public static final String CALIBRATION_AFTER = "after.";
    /** The calibration's GEMM figure (ms), the one a unit's step times are judged relative to. */
    public static final String CALIBRATION_GEMM = "gemm_ms";

    /** A word in a collector's memory manager names, and the collector's name. */
    private static final String[][] COLLECTORS = {{"MarkSweepCompact", "Serial GC"}, {"G1 ", "G1 GC"},
        {"PS ", "Parallel GC"}, {"ZGC", "ZGC"}, {"Shenandoah", "Shenandoah GC"}, {"Epsilon", "Epsilon GC"}};

    /** Copies the maps; a missing scheduler or calibration map is an empty one. */
    public Environment {
        libraries = Map.copyOf(new TreeMap<>(libraries));
        threads = Map.copyOf(new TreeMap<>(threads));
        scheduler = scheduler == null ? Map.of() : Map.copyOf(new TreeMap<>(scheduler));
        calibration = calibration == null ? Map.of() : Map.copyOf(new TreeMap<>(calibration));
    }

    /** An environment without a calibration. */
    public Environment(String gitCommit, String jvm, String os, String arch, String cpu, int cores,
                       Map<String, String> libraries, Map<String, String> threads, Map<String, String> scheduler) {
        this(gitCommit, jvm, os, arch, cpu, cores, libraries, threads, scheduler, Map.of());
    }

    /** This environment with a calibration. */
    public Environment withCalibration(Map<String, Double> measured) {
        return new Environment(gitCommit, jvm, os, arch, cpu, cores, libraries, threads, scheduler, measured);
    }

    /** An environment outside any scheduler. */
    public Environment(String gitCommit, String jvm, String os, String arch, String cpu, int cores,
                       Map<String, String> libraries, Map<String, String> threads) {
        this(gitCommit, jvm, os, arch, cpu, cores, libraries, threads, Map.of());
    }

    /**
     * The environment of this process, with the thread settings of every backend found
     * ({@link Backend#threadSettings}).
     *
     * @param libraries       versions to record
     * @param backendThreads  the thread count given to the backend
     */
    public static Environment current(Map<String, String> libraries, int backendThreads) {
        return current(libraries, backendThreads, Backends.available().stream()
            .flatMap(b -> b.threadSettings(backendThreads).stream()).toList());
    }

    /**
     * The environment of this process.
     *
     * @param libraries       versions to record
     * @param backendThreads  the thread count given to the backend
     * @param settings        the native thread settings whose values in effect are recorded (a backend's
     *                        {@link Backend#threadSettings}); unset ones are left out
     */
    public static Environment current(Map<String, String> libraries, int backendThreads,
                                      List<NativeSetting> settings) {
        Map<String, String> threads = new LinkedHashMap<>();
        threads.put("backend", Integer.toString(backendThreads));
        for (NativeSetting setting : settings) {
            String value = setting.inEffect();
            if (value != null) {
                threads.put(setting.name(), value);
            }
        }
        return new Environment(currentGitCommit(), System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version") + " (" + currentCollector() + ")", System.getProperty("os.name") + " "
            + System.getProperty("os.version"), System.getProperty("os.arch"), cpuModel(),
            Runtime.getRuntime().availableProcessors(), libraries, threads, scheduler(System.getenv()));
    }

    /**
     * The scheduler identity in an environment: each of {@link #SCHEDULER_VARIABLES} that is set, and
     * {@code HOSTNAME} (the pod) when {@value #KUBERNETES} says this is Kubernetes.
     */
    public static Map<String, String> scheduler(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        for (String key : SCHEDULER_VARIABLES) {
            String value = env.get(key);
            if (value != null && !value.isBlank()) {
                out.put(key, value.strip());
            }
        }
        String host = env.get("HOSTNAME");
        if (env.get(KUBERNETES) != null && host != null && !host.isBlank()) {
            out.put("HOSTNAME", host.strip());
        }
        return out;
    }

    /** The node that ran it: Slurm's node name, else the Kubernetes pod's host name, else null. */
    public String node() {
        return scheduler.getOrDefault("SLURMD_NODENAME", scheduler.get("HOSTNAME"));
    }

    /** The garbage collector of this JVM ({@link #collector} of its memory managers' names). */
    public static String currentCollector() {
        return collector(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
            .toList());
    }

    /**
     * The garbage collector known by the names of its memory managers (the {@code GarbageCollectorMXBean} names),
     * e.g. {@code Serial GC} for {@code Copy} and {@code MarkSweepCompact}; the names themselves, joined, when no
     * collector is known by them.
     */
    public static String collector(List<String> managers) {
        String all = String.join(" ", managers);
        for (String[] known : COLLECTORS) {
            if (all.contains(known[0])) {
                return known[1];
            }
        }
        return managers.isEmpty() ? "no GC named" : String.join(", ", managers);
    }

    /** The CPU model from /proc/cpuinfo, or {@code unknown}. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "unknown";
    }

    /**
     * The git commit: {@code RNNBENCH_GIT_COMMIT} when set (the launcher passes it to forked JVMs), otherwise asked
     * of git in the working directory, otherwise {@code unknown}.
     */
    public static String currentGitCommit() {
        String fromEnv = System.getenv("RNNBENCH_GIT_COMMIT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        String head = run("git", "rev-parse", "HEAD");
        if (head == null) {
            return "unknown";
        }
        String status = run("git", "status", "--porcelain", "--untracked-files=no");
        return status != null && !status.isEmpty() ? head + "-dirty" : head;
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
