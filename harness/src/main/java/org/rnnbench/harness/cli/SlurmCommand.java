package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.cluster.ClusterException;
import org.rnnbench.harness.cluster.Launcher;
import org.rnnbench.harness.cluster.SbatchScripts;
import org.rnnbench.harness.cluster.Shell;
import org.rnnbench.harness.cluster.ShardNeeds;
import org.rnnbench.harness.cluster.ShardProgress;
import org.rnnbench.harness.cluster.ShardedSweep;
import org.rnnbench.harness.cluster.SlurmClient;
import org.rnnbench.harness.cluster.SlurmResources;
import org.rnnbench.harness.shard.Partition;
import org.rnnbench.harness.shard.ShardPlans;

/**
 * {@code rnnbench slurm}: a {@code run} (or {@code gradients}) sweep as a Slurm job array of N shards and a merge
 * job. Writes {@code OUT/slurm/array.sbatch} and {@code OUT/slurm/merge.sbatch} (see {@link SbatchScripts}) and
 * freezes the partition in {@code OUT/shards/plan.json}; {@code --submit} submits them, {@code --wait} waits for
 * the merge and returns its exit code. Running the same command again submits only the shards with units left.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a sweep as a Slurm job array of N shards, then merge the shards into one results directory.",
        "Takes every option of 'rnnbench run' (or of 'rnnbench gradients' with --gradients) besides its own."
            + " Writes OUT/slurm/array.sbatch and OUT/slurm/merge.sbatch; --submit submits both (the merge with"
            + " --dependency=afterany on the array), --wait then waits for the merge and exits with its code (0"
            + " complete, 1 units missing). The same command again submits only the shards with units left."})
public final class SlurmCommand implements Callable<Integer> {
    /** How often {@code --wait} asks Slurm about the merge job. */
    static final long POLL_MILLIS = 2000;

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition; default the cluster's.")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "Time limit of each shard; default the"
        + " largest submitted shard's estimate x" + (int) ShardNeeds.TIME_FACTOR + " + "
        + (int) (ShardNeeds.TIME_SLACK_SECONDS / 60) + " minutes.")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "CPUs of each shard; default --threads.")
    Integer cpusPerTask;

    @Option(names = "--mem", paramLabel = "M", description = "Memory of each shard, e.g. 8G; default 2G plus the"
        + " native memory its backends ask for (4G with a framework backend).")
    String mem;

    @Option(names = "--account", paramLabel = "A", description = "Slurm account to charge.")
    String account;

    @Option(names = "--sbatch-arg", paramLabel = "OPTION", description = "One more sbatch option for both jobs, as"
        + " --name=value (repeatable), e.g. --sbatch-arg=--qos=long.")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--submit", description = "Submit the array and the merge job with sbatch; prints their ids.")
    boolean submit;

    @Option(names = "--wait", description = "Submit, wait for the merge job and exit with its exit code.")
    boolean await;

    @Unmatched
    List<String> sweepArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int shards = cluster.shards();
        // the user's values are checked before anything is written
        new SlurmResources(partition, account, time != null ? time : "1", cpusPerTask != null ? cpusPerTask : 1,
            mem != null ? mem : "1G", sbatchArgs);
        ClusterSweep cs = ClusterSweep.parse("slurm", cluster.gradients, sweepArgs, shards);
        ShardedSweep sweep = cs.sweep();
        if (sweep.out().toString().chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("slurm: the results directory '" + sweep.out() + "' contains white space,"
                + " which #SBATCH lines cannot carry; give --out a path without spaces");
        }
        SweepTail.Plan plan = cs.plan();
        Partition split = ShardPlans.freeze(sweep.out(), plan.kind(), plan.name(), plan.units(), shards);
        Map<Integer, Integer> left = ShardProgress.left(sweep.out(),
            split.shards().stream().map(Partition.Shard::units).toList(), cs.retryFailed());
        double estimate = 0;
        Set<String> backends = new TreeSet<>();
        for (int i : left.keySet()) {
            estimate = Math.max(estimate, split.shards().get(i).seconds());
            backends.addAll(split.shards().get(i).backends().keySet());
        }
        SlurmResources res = new SlurmResources(partition, account,
            time != null ? time : SlurmResources.time(ShardNeeds.seconds(estimate)),
            cpusPerTask != null ? cpusPerTask : cs.threads(),
            mem != null ? mem : SlurmResources.mem(ShardNeeds.bytes(backends)), sbatchArgs);
        Path dir = writeScripts(sweep, res);
        err.printf(Locale.ROOT, "rnnbench: %d units in %d shards (%s); %d shard(s) with units left, the largest"
                + " estimated at %s; each task asks for %d CPU(s), %s, %s%n", plan.units().size(), shards,
            split.source(), left.size(), SlurmResources.time(estimate), res.cpusPerTask(), res.mem(), res.time());
        err.println("rnnbench: scripts in " + dir + "; results will be in " + sweep.out());
        String arraySpec = left.isEmpty() ? null : SbatchScripts.arraySpec(new ArrayList<>(left.keySet()));
        if (!submit && !await) {
            if (arraySpec == null) {
                err.println("rnnbench: every unit has a record; merge with: sbatch " + dir.resolve(SbatchScripts.MERGE));
                return Main.EXIT_OK;
            }
            err.println("rnnbench: submit with:");
            err.println("  jid=$(sbatch --parsable" + (left.size() == shards ? "" : " --array=" + arraySpec) + " "
                + dir.resolve(SbatchScripts.ARRAY) + ")");
            err.println("  sbatch --dependency=afterany:$jid " + dir.resolve(SbatchScripts.MERGE));
            return Main.EXIT_OK;
        }
        try {
            SlurmClient slurm = SlurmClient.onPath();
            List<String> active = slurm.active(SbatchScripts.comment(sweep));
            if (!active.isEmpty()) {
                throw new UsageException("slurm: jobs of " + sweep.out() + " are still queued or running ("
                    + String.join(", ", active) + "); wait for them to end, or scancel them, before submitting again");
            }
            return submit(slurm, dir, left.size() == shards ? "" : arraySpec, out, err);
        } catch (ClusterException e) {
            err.println("rnnbench: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
    }

    private Path writeScripts(ShardedSweep sweep, SlurmResources res) throws IOException {
        String launcher;
        try {
            launcher = Launcher.path().toString();
        } catch (ClusterException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> origin = new ArrayList<>(List.of("rnnbench"));
        origin.addAll(spec.commandLine().getParseResult().originalArgs());
        String from = Shell.join(origin);
        Path dir = SbatchScripts.dir(sweep);
        Files.createDirectories(dir.resolve("logs"));
        write(dir.resolve(SbatchScripts.ARRAY), SbatchScripts.array(sweep, res, launcher, from));
        write(dir.resolve(SbatchScripts.MERGE), SbatchScripts.merge(sweep, res, launcher, from));
        return dir;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        file.toFile().setExecutable(true);
    }

    /**
     * Submits the array (all shards when {@code arraySpec} is empty, those it names otherwise, none when null)
     * and the merge after it; with {@code --wait}, waits for the merge and returns its exit code.
     */
    private int submit(SlurmClient slurm, Path dir, String arraySpec, PrintWriter out, PrintWriter err)
        throws ClusterException, IOException, InterruptedException {
        String arrayJob = null;
        if (arraySpec != null) {
            arrayJob = slurm.submit(arraySpec.isEmpty() ? List.of() : List.of("--array=" + arraySpec),
                dir.resolve(SbatchScripts.ARRAY));
            out.println("array " + arrayJob);
        } else {
            err.println("rnnbench: every unit has a record; submitting the merge only");
        }
        String mergeJob = slurm.submit(arrayJob == null ? List.of() : List.of("--dependency=afterany:" + arrayJob),
            dir.resolve(SbatchScripts.MERGE));
        out.println("merge " + mergeJob);
        out.flush();
        if (!await) {
            return Main.EXIT_OK;
        }
        err.println("rnnbench: waiting for merge job " + mergeJob + (arrayJob == null ? "" : " (after array job "
            + arrayJob + ")"));
        SlurmClient.JobEnd end = slurm.await(mergeJob, POLL_MILLIS);
        Path log = dir.resolve("logs").resolve("merge-job" + mergeJob + ".log");
        if (Files.isRegularFile(log)) {
            out.print(Files.readString(log, StandardCharsets.UTF_8));
            out.flush();
        }
        if (end.ran()) {
            err.println("rnnbench: merge job " + mergeJob + " exited with " + end.exitCode() + "; log " + log);
            return end.exitCode();
        }
        err.println("rnnbench: merge job " + mergeJob + " ended " + end.state() + (end.signal() == 0 ? ""
            : " (signal " + end.signal() + ")") + " without finishing; see " + (Files.isRegularFile(log) ? log
            + " and " : "") + "'scontrol show job " + mergeJob + "'");
        return Main.EXIT_FAILURE;
    }
}
