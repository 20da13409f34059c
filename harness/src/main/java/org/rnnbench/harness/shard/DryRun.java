package org.rnnbench.harness.shard;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The table {@code --shards N --dry-run} prints: per shard its units, backends and estimated time, then the total,
 * the largest shard (the wall time when all run at once) against the mean, and where the partition comes from.
 */
public final class DryRun {
    private DryRun() {
    }

    /** Prints the table of a partition. */
    public static void print(PrintWriter out, Partition p) {
        out.printf(Locale.ROOT, "%-6s %6s  %-40s %12s%n", "shard", "units", "backends (units)", "estimated");
        int units = 0;
        for (Partition.Shard s : p.shards()) {
            units += s.units().size();
            out.printf(Locale.ROOT, "%-6d %6d  %-40s %12s%n", s.index(), s.units().size(), backends(s.backends()),
                duration(s.seconds()));
        }
        double mean = p.totalSeconds() / p.count();
        out.printf(Locale.ROOT, "%-6s %6d  %-40s %12s%n", "total", units, "", duration(p.totalSeconds()));
        out.printf(Locale.ROOT, "largest shard %s, mean %s (%.2fx the mean): the wall time with all %d shards at"
            + " once%n", duration(p.maxSeconds()), duration(mean), mean > 0 ? p.maxSeconds() / mean : 1.0, p.count());
        out.println("partition from " + p.source() + "; estimates are one thread on the development machine's CPU");
    }

    /** {@code scratch 12, djl 4}. */
    static String backends(Map<String, Integer> perBackend) {
        return perBackend.isEmpty() ? "-" : perBackend.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    }

    /** A duration as {@code 2d 03h}, {@code 5h 07m}, {@code 12m 30s} or {@code 42s}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s % 86_400 / 3600);
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
