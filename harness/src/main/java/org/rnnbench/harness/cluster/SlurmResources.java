package org.rnnbench.harness.cluster;

import java.util.List;
import java.util.regex.Pattern;

import org.rnnbench.harness.UsageException;

/**
 * What one array task asks Slurm for.
 *
 * @param partition   the partition, null for the cluster's default
 * @param account     the account, null for the user's default
 * @param time        the time limit in one of Slurm's forms (say {@code 02:00:00} or {@code 1-12:00:00})
 * @param cpusPerTask the CPUs of one task
 * @param mem         the memory of one task in Slurm's form (say {@code 4096M} or {@code 8G})
 * @param extra       further sbatch options, each one word such as {@code --qos=long}, written as directives
 */
public record SlurmResources(String partition, String account, String time, int cpusPerTask, String mem,
                             List<String> extra) {
    private static final Pattern TIME = Pattern.compile("\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}"
        + "|\\d+-\\d{1,2}|\\d+-\\d{1,2}:\\d{1,2}|\\d+-\\d{1,2}:\\d{1,2}:\\d{1,2}");
    private static final Pattern MEM = Pattern.compile("\\d+[KMGT]?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.,+-]+");

    /** Checks the values as the user gave them. */
    public SlurmResources {
        if (partition != null && !NAME.matcher(partition).matches()) {
            throw new UsageException("--partition " + partition + ": not a partition name; use letters, digits,"
                + " '_', '-', '.' (a comma-separated list for several)");
        }
        if (account != null && !NAME.matcher(account).matches()) {
            throw new UsageException("--account " + account + ": not an account name; use letters, digits, '_',"
                + " '-', '.'");
        }
        if (!TIME.matcher(time).matches()) {
            throw new UsageException("--time " + time + ": not a Slurm time; use HH:MM:SS, MM, or D-HH:MM:SS");
        }
        if (cpusPerTask < 1) {
            throw new UsageException("--cpus-per-task " + cpusPerTask + ": must be at least 1");
        }
        if (!MEM.matcher(mem).matches()) {
            throw new UsageException("--mem " + mem + ": not a Slurm memory size; use a number with an optional"
                + " unit K, M, G or T, e.g. 4G");
        }
        for (String e : extra) {
            if (!e.startsWith("-") || e.contains("\n")) {
                throw new UsageException("--sbatch-arg " + e + ": not an sbatch option; give one option per"
                    + " --sbatch-arg in the form --name=value, e.g. --sbatch-arg=--qos=long");
            }
        }
        extra = List.copyOf(extra);
    }

    /** {@code seconds} as Slurm's {@code D-HH:MM:SS} (or {@code HH:MM:SS} under a day), rounded up to minutes. */
    public static String time(double seconds) {
        long minutes = Math.max(1, (long) Math.ceil(seconds / 60.0));
        long days = minutes / (24 * 60);
        long h = minutes / 60 % 24;
        long m = minutes % 60;
        String hms = String.format(java.util.Locale.ROOT, "%02d:%02d:00", h, m);
        return days > 0 ? days + "-" + hms : hms;
    }

    /** {@code bytes} in Slurm's form, whole MiB rounded up to 256 MiB. */
    public static String mem(double bytes) {
        long mib = (long) Math.ceil(bytes / (1 << 20) / 256.0) * 256;
        return Math.max(256, mib) + "M";
    }
}
