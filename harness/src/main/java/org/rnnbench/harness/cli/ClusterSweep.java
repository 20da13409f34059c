package org.rnnbench.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.cluster.ShardedSweep;

/**
 * The sweep a cluster command ({@code slurm}, {@code k8s}) splits into shards: the options it does not know itself
 * are {@code run}'s (or {@code gradients}'s) and are parsed and planned by that command, so both accept exactly
 * the options of the sweep they submit.
 *
 * @param command     the sweep command, its options parsed
 * @param plan        its plan
 * @param sweep       the sharded sweep: the options to forward (without {@code --out}), the results directory
 * @param threads     the compute threads per backend ({@code --threads})
 * @param retryFailed whether FAILED units run again ({@code --retry-failed})
 */
record ClusterSweep(SweepCommand command, SweepTail.Plan plan, ShardedSweep sweep, int threads,
                    boolean retryFailed) {
    /** Options a cluster command sets itself for its shards. */
    private static final List<String> OWN = List.of("--shard", "--shards", "--dry-run");

    /**
     * Parses and plans the sweep options.
     *
     * @param caller    the cluster command's name, for messages
     * @param gradients whether the sweep is {@code gradients} rather than {@code run}
     * @param args      the options the cluster command did not match
     * @param shards    the number of shards
     */
    static ClusterSweep parse(String caller, boolean gradients, List<String> args, int shards) {
        String kind = gradients ? "gradients" : "run";
        for (String a : args) {
            for (String own : OWN) {
                if (a.equals(own) || a.startsWith(own + "=")) {
                    throw new UsageException(caller + " " + a + ": " + caller + " gives each shard its --shard"
                        + " itself; give the shard count as --shards N and leave out " + own);
                }
            }
        }
        SweepCommand command = gradients ? new GradientsCommand() : new RunCommand();
        try {
            new CommandLine(command).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(caller + ": " + UsageException.firstLine(e.getMessage()) + "; " + caller
                + " takes the options of '" + kind + "' (see 'rnnbench " + kind + " --help') and its own (see"
                + " 'rnnbench " + caller + " --help')");
        }
        SweepTail.Plan plan = command.plan();
        SweepOptions options = command.sweepOptions();
        Path out = options.directory(plan.name()).toAbsolutePath().normalize();
        ShardedSweep sweep = new ShardedSweep(kind, withoutOut(args), out, plan.name(), shards);
        return new ClusterSweep(command, plan, sweep, options.workers.threads(), options.retryFailed);
    }

    /** The arguments without {@code --out DIR} or {@code --out=DIR}: the shards get the absolute directory. */
    static List<String> withoutOut(List<String> args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--out")) {
                i++;
            } else if (!a.startsWith("--out=")) {
                kept.add(a);
            }
        }
        return kept;
    }
}
