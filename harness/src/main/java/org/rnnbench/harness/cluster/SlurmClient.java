package org.rnnbench.harness.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits batch scripts with {@code sbatch --parsable} and waits for a job with {@code scontrol show job}. The
 * wait reads the job's state rather than trusting {@code sbatch --wait}, which returns 0 for a job that was
 * cancelled before it started (for example by {@code kill_invalid_depend}).
 */
public final class SlurmClient {
    /** States after which a job does not change again. */
    static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
        "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED", "SPECIAL_EXIT");
    private static final Pattern STATE = Pattern.compile("\\bJobState=(\\S+)");
    private static final Pattern EXIT = Pattern.compile("\\bExitCode=(\\d+):(\\d+)");

    private final String sbatch;
    private final String scontrol;
    private final String squeue;

    /** A client running the given {@code sbatch}, {@code scontrol} and {@code squeue} executables. */
    public SlurmClient(String sbatch, String scontrol, String squeue) {
        this.sbatch = sbatch;
        this.scontrol = scontrol;
        this.squeue = squeue;
    }

    /** The client of the Slurm commands on the PATH. */
    public static SlurmClient onPath() {
        return new SlurmClient("sbatch", "scontrol", "squeue");
    }

    /** The ids of the jobs (array tasks as {@code 12_[1-3]}) queued or running with this comment. */
    public List<String> active(String comment) throws ClusterException {
        Output o = exec(List.of(squeue, "-h", "-o", "%i|%k"));
        if (o.code != 0) {
            throw new ClusterException("squeue failed (exit " + o.code + "): " + firstLine(o.err));
        }
        List<String> ids = new ArrayList<>();
        for (String line : o.out.lines().toList()) {
            int bar = line.indexOf('|');
            if (bar > 0 && line.substring(bar + 1).strip().equals(comment)) {
                ids.add(line.substring(0, bar).strip());
            }
        }
        return ids;
    }

    /**
     * How a job ended.
     *
     * @param state    Slurm's final state, e.g. COMPLETED, FAILED, CANCELLED
     * @param exitCode the batch script's exit code (0 when it did not run)
     * @param signal   the signal that ended it, 0 for none
     */
    public record JobEnd(String state, int exitCode, int signal) {
        /** Whether the script ran to its end (its exit code is then the command's). */
        public boolean ran() {
            return state.equals("COMPLETED") || state.equals("FAILED") && signal == 0;
        }
    }

    /** Submits {@code script} with the extra sbatch {@code options}; returns the job id. */
    public String submit(List<String> options, Path script) throws ClusterException {
        List<String> cmd = new ArrayList<>(List.of(sbatch, "--parsable"));
        cmd.addAll(options);
        cmd.add(script.toString());
        Output o = exec(cmd);
        String id = o.out.strip();
        int semicolon = id.indexOf(';');
        if (semicolon >= 0) {
            id = id.substring(0, semicolon);
        }
        if (o.code != 0 || !id.matches("\\d+")) {
            throw new ClusterException("sbatch " + script + " failed (exit " + o.code + "): "
                + firstLine(o.err.isBlank() ? o.out : o.err));
        }
        return id;
    }

    /** The job's state and exit code now, or null when Slurm no longer knows the job. */
    public JobEnd query(String jobId) throws ClusterException {
        Output o = exec(List.of(scontrol, "show", "job", "-o", jobId));
        if (o.code != 0) {
            if ((o.err + o.out).contains("Invalid job id")) {
                return null;
            }
            throw new ClusterException("scontrol show job " + jobId + " failed (exit " + o.code + "): "
                + firstLine(o.err));
        }
        return parse(o.out);
    }

    /** Polls the job every {@code pollMillis} until it reaches a final state. */
    public JobEnd await(String jobId, long pollMillis) throws ClusterException, InterruptedException {
        while (true) {
            JobEnd now = query(jobId);
            if (now == null) {
                throw new ClusterException("Slurm no longer knows job " + jobId + " (MinJobAge passed?); its"
                    + " outcome is unknown");
            }
            if (FINAL.contains(now.state())) {
                return now;
            }
            Thread.sleep(pollMillis);
        }
    }

    /** The state and exit code in one line of {@code scontrol show job -o}. */
    static JobEnd parse(String line) throws ClusterException {
        Matcher s = STATE.matcher(line);
        Matcher e = EXIT.matcher(line);
        if (!s.find() || !e.find()) {
            throw new ClusterException("scontrol gave no JobState/ExitCode: " + firstLine(line));
        }
        return new JobEnd(s.group(1), Integer.parseInt(e.group(1)), Integer.parseInt(e.group(2)));
    }

    private record Output(int code, String out, String err) {
    }

    private static Output exec(List<String> cmd) throws ClusterException {
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                "/dev/null"))).start();
            byte[] err;
            byte[] out = p.getInputStream().readAllBytes();
            err = p.getErrorStream().readAllBytes();
            int code = p.waitFor();
            return new Output(code, new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ClusterException("cannot run " + cmd.get(0) + " (" + e.getMessage() + "); is Slurm installed"
                + " and on the PATH?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while running " + cmd.get(0));
        }
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("(no output)");
    }
}
