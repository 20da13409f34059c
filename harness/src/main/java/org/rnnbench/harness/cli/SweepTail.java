package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Model.CommandSpec;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.fork.WorkerSettings;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.shard.DryRun;
import org.rnnbench.harness.shard.Partition;
import org.rnnbench.harness.shard.ShardDirs;
import org.rnnbench.harness.shard.ShardId;
import org.rnnbench.harness.shard.ShardPlans;
import org.rnnbench.harness.store.ResultsDir;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.sweep.Sweep;
import org.rnnbench.harness.worker.UnitTrainer;

/**
 * What every sweep command does once it has planned its units: open (and lock) the results directory, run the
 * units not yet recorded through a resumable {@link Sweep}, write the command's own outputs, say where everything
 * is and return the exit code. {@code run} and {@code gradients} differ only in their {@link Plan}.
 *
 * <p>With {@code --shard I/N} it runs only that shard's units ({@link ShardPlans}) into {@code OUT/shards/I/}; with
 * {@code --dry-run} it runs nothing and prints the shards' estimates ({@link DryRun}).
 *
 * <p>Exit codes: 0 when every backend's worker started, 3 when one could not (its units stay pending), 130 when
 * the user stopped the sweep; bad input has failed before with 2.
 */
public final class SweepTail {
    private SweepTail() {
    }

    /** Writes a sweep command's own outputs from the records once the sweep has ended. */
    @FunctionalInterface
    public interface Finisher {
        /**
         * Writes the outputs.
         *
         * @param dir     the results directory
         * @param records every record in it
         * @param units   the planned units, in plan order
         * @param out     standard output, for tables
         * @param err     standard error, for messages
         */
        void finish(Path dir, List<RunRecord> records, List<PlannedUnit> units, PrintWriter out, PrintWriter err)
            throws IOException;
    }

    /**
     * A planned sweep.
     *
     * @param kind     the study, as in the results directory's manifest: {@code run} or {@code gradients}
     * @param name     the default directory name below {@code results/}
     * @param units    the units, in plan order
     * @param evaluate false for a gradient study (no evaluation after training)
     * @param outputs  the files the finisher writes, named in the closing message
     * @param finisher what to write at the end
     */
    public record Plan(String kind, String name, List<PlannedUnit> units, boolean evaluate, List<String> outputs,
                       Finisher finisher) {
        /** Copies the lists. */
        public Plan {
            units = List.copyOf(units);
            outputs = List.copyOf(outputs);
        }
    }

    /** Runs a planned sweep with the shared options and returns the exit code. */
    public static int execute(CommandSpec spec, SweepOptions options, Plan plan) throws IOException,
        InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path base = options.directory(plan.name());
        if (options.dryRun) {
            int count = options.shardCount(System.getenv());
            DryRun.print(stdout, ShardPlans.planned(base, plan.kind(), plan.name(), plan.units(), count));
            stdout.flush();
            return Main.EXIT_OK;
        }
        ShardId shard = options.shardId(System.getenv());
        UnitTrainer.warmupNanos(System.getenv(UnitTrainer.WARMUP_VARIABLE)); // a bad value stops here, not in a worker
        WorkerSettings workers = options.workers.settings();
        int rounds = options.rounds();
        var mode = options.progressMode();
        Path dir = base;
        if (shard != null) {
            plan = shardOf(plan, ShardPlans.forShards(base, plan.kind(), plan.name(), plan.units(), shard.count()),
                shard.index());
            dir = ShardDirs.of(base, shard.index());
            stderr.println("rnnbench: shard " + shard + " of " + base + "; merge the shards with 'rnnbench merge "
                + base + "'");
        }
        List<String> command = new ArrayList<>(List.of("rnnbench"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        try (ResultsDir rd = ResultsDir.open(dir, plan.kind(), plan.name(), command)) {
            RunStore store = new RunStore(dir);
            if (options.retryFailed) {
                int dropped = store.dropFailed();
                stderr.println("rnnbench: " + dropped + " failed unit(s) will run again");
            }
            stderr.println("rnnbench: " + plan.units().size() + " units into " + dir);
            Sweep.Outcome outcome = new Sweep(dir, workers, rounds, plan.evaluate(), mode, stderr).run(plan.units());
            plan.finisher().finish(dir, store.records(), plan.units(), stdout, stderr);
            stdout.flush();
            for (Map.Entry<String, String> e : outcome.notStarted().entrySet()) {
                stderr.println("rnnbench: backend " + e.getKey() + " did not run: " + e.getValue()
                    + "; its units stay pending, run the same command again to retry");
            }
            List<String> files = new ArrayList<>(List.of(RunStore.FILE));
            files.addAll(plan.outputs());
            stderr.println("rnnbench: results in " + dir + " (" + String.join(", ", files) + "); " + outcome.ran()
                + " unit(s) ran now, " + outcome.skipped() + " were already done");
            if (outcome.interrupted()) {
                stderr.println("rnnbench: stopped; run the same command again to resume");
                return Main.EXIT_INTERRUPTED;
            }
            return outcome.notStarted().isEmpty() ? Main.EXIT_OK : Main.EXIT_FAILURE;
        }
    }

    /** The plan restricted to one shard's units, in plan order. */
    static Plan shardOf(Plan plan, Partition partition, int index) {
        Set<String> mine = new HashSet<>(partition.shards().get(index).units());
        return new Plan(plan.kind(), plan.name(), plan.units().stream().filter(u -> mine.contains(u.id())).toList(),
            plan.evaluate(), plan.outputs(), plan.finisher());
    }
}
