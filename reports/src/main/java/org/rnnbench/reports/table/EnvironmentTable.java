package org.rnnbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.rnnbench.core.run.Environment;
import org.rnnbench.reports.read.LoadedRun;

/**
 * Where the results were measured: one group per distinct {@link Environment} apart from its scheduler identity
 * (usually one), with the runs it covers, git commit, JVM, OS, architecture, CPU, cores, the nodes (with their run
 * counts) and scheduler jobs of a sweep run on a cluster, every library version and thread setting.
 */
public final class EnvironmentTable {
    /** The table id. */
    public static final String ID = "environment";

    private EnvironmentTable() {
    }

    /** The table of {@code runs}' environments. */
    public static Table of(List<LoadedRun> runs) {
        Map<Environment, Integer> counts = new LinkedHashMap<>();
        Map<Environment, Map<String, Integer>> nodes = new LinkedHashMap<>();
        Map<Environment, Set<String>> jobs = new LinkedHashMap<>();
        for (LoadedRun r : runs) {
            Environment env = r.record().environment();
            Environment machine = env == null ? null : withoutScheduler(env);
            counts.merge(machine, 1, Integer::sum);
            if (env != null && env.node() != null) {
                nodes.computeIfAbsent(machine, k -> new TreeMap<>()).merge(env.node(), 1, Integer::sum);
            }
            if (env != null && env.scheduler().containsKey("SLURM_ARRAY_JOB_ID")) {
                jobs.computeIfAbsent(machine, k -> new TreeSet<>()).add("Slurm array "
                    + env.scheduler().get("SLURM_ARRAY_JOB_ID"));
            } else if (env != null && env.scheduler().containsKey("SLURM_JOB_ID")) {
                jobs.computeIfAbsent(machine, k -> new TreeSet<>()).add("Slurm job "
                    + env.scheduler().get("SLURM_JOB_ID"));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        int k = 0;
        for (Map.Entry<Environment, Integer> e : counts.entrySet()) {
            k++;
            String group = counts.size() == 1 ? "all " + e.getValue() + " runs"
                : "environment " + k + " (" + e.getValue() + " runs)";
            Environment env = e.getKey();
            if (env == null) {
                rows.add(Arrays.asList(group, "environment", "not recorded"));
                continue;
            }
            rows.add(Arrays.asList(group, "git commit", text(env.gitCommit())));
            rows.add(Arrays.asList(group, "JVM", text(env.jvm())));
            rows.add(Arrays.asList(group, "OS", text(env.os())));
            rows.add(Arrays.asList(group, "architecture", text(env.arch())));
            rows.add(Arrays.asList(group, "CPU", text(env.cpu())));
            rows.add(Arrays.asList(group, "cores", Integer.toString(env.cores())));
            if (nodes.containsKey(env)) {
                rows.add(Arrays.asList(group, "nodes", nodes.get(env).entrySet().stream().map(n -> n.getKey() + " ("
                    + n.getValue() + ")").collect(Collectors.joining(", "))));
            }
            if (jobs.containsKey(env)) {
                rows.add(Arrays.asList(group, "scheduler jobs", String.join(", ", jobs.get(env))));
            }
            if (env.libraries() != null) {
                env.libraries().forEach((name, version) -> rows.add(Arrays.asList(group, "library " + name,
                    text(version))));
            }
            if (env.threads() != null) {
                env.threads().forEach((name, value) -> rows.add(Arrays.asList(group, "threads " + name,
                    text(value))));
            }
        }
        List<Column> columns = List.of(new Column("environment", "environment", Format.TEXT),
            new Column("property", "property", Format.TEXT), new Column("value", "value", Format.TEXT));
        return new Table(ID, "Environment and versions", "As recorded by every run; one group per distinct"
            + " environment.", columns, rows, true);
    }

    /**
     * The machine and software a run had, without which job or node of a scheduler ran it and without the
     * calibration its JVM measured (which differs from JVM to JVM on one machine).
     */
    private static Environment withoutScheduler(Environment e) {
        return new Environment(e.gitCommit(), e.jvm(), e.os(), e.arch(), e.cpu(), e.cores(), e.libraries(),
            e.threads());
    }

    private static String text(String s) {
        return Objects.requireNonNullElse(s, "unknown");
    }
}
