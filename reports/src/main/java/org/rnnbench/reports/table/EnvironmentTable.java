package org.rnnbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rnnbench.core.run.Environment;
import org.rnnbench.reports.read.LoadedRun;

/**
 * Where the results were measured: one group per distinct {@link Environment} (usually one), with the runs it
 * covers, git commit, JVM, OS, architecture, CPU, cores, every library version and thread setting.
 */
public final class EnvironmentTable {
    /** The table id. */
    public static final String ID = "environment";

    private EnvironmentTable() {
    }

    /** The table of {@code runs}' environments. */
    public static Table of(List<LoadedRun> runs) {
        Map<Environment, Integer> counts = new LinkedHashMap<>();
        for (LoadedRun r : runs) {
            counts.merge(r.record().environment(), 1, Integer::sum);
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

    private static String text(String s) {
        return Objects.requireNonNullElse(s, "unknown");
    }
}
