package org.rnnbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.rnnbench.harness.Main;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.shard.ShardDirs;
import org.rnnbench.harness.shard.ShardMerge;
import org.rnnbench.harness.store.ResultsDir;
import org.rnnbench.harness.store.RunStore;

/**
 * {@code rnnbench merge OUT}: the shards below {@code OUT/shards/} into {@code OUT}, as one machine would have
 * written it ({@link ShardMerge}), then the command's own outputs (runs.csv and the report for {@code run}, the
 * gradient tables for {@code gradients}) by the same code the command runs at its end. The plan comes from the
 * command line the shards recorded in their manifests, read again by this rnnbench.
 *
 * <p>Exit codes: 0 every planned unit is in OUT, 1 some are missing (listed), 2 bad input (no shards, shards of
 * different plans, a bad record line, weights that differ between shards).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = {"Merge the shards of a sharded run or gradients sweep (OUT/shards/<I>/) into OUT: runs.jsonl"
        + " with each unit once, runs.csv, weights/, the report.",
        "Lists the planned units no shard has finished and exits 1 when there are any; merging again after more"
            + " shards finish is fine."})
public final class MergeCommand implements Callable<Integer> {
    /** Options that select or estimate shards: left out of the merged directory's command line. */
    static final List<String> SHARD_OPTIONS = List.of("--shard", "--shards");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The --out of the sharded command.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!Files.isDirectory(out)) {
            throw new UsageException("merge " + out + ": no such directory; give the --out of a sharded run");
        }
        List<Path> shards = new ArrayList<>();
        ResultsDir.Manifest manifest = null;
        Path manifestOf = null;
        for (Path dir : ShardDirs.existing(out)) {
            ResultsDir.Manifest m = manifest(dir);
            if (m == null) {
                stderr.println("rnnbench: warning: " + dir + " has no " + ResultsDir.MANIFEST + " (a shard that"
                    + " never started); left out");
                continue;
            }
            if (manifest == null) {
                manifest = m;
                manifestOf = dir;
            } else if (!m.kind().equals(manifest.kind()) || !m.name().equals(manifest.name())) {
                throw new UsageException("shards " + manifestOf + " and " + dir + " ran different plans (" + manifest
                    .kind() + " " + manifest.name() + ", " + m.kind() + " " + m.name() + "); give each plan its own"
                    + " --out");
            }
            shards.add(dir);
        }
        if (manifest == null) {
            throw new UsageException("merge " + out + ": no shard directories (" + ShardDirs.root(out)
                + "/<I>/ with " + ResultsDir.MANIFEST + "); give the --out of a command run with --shard");
        }
        List<String> args = withoutShardOptions(manifest.command());
        SweepTail.Plan plan = plan(args, manifestOf);
        if (!plan.kind().equals(manifest.kind()) || !plan.name().equals(manifest.name())) {
            throw new UsageException(manifestOf.resolve(ResultsDir.MANIFEST) + ": its command plans " + plan.kind()
                + " " + plan.name() + " here, but the shards ran " + manifest.kind() + " " + manifest.name()
                + "; merge with the rnnbench version that ran them (" + manifest.version() + ")");
        }
        List<String> command = new ArrayList<>(List.of("rnnbench"));
        command.addAll(args);
        try (ResultsDir rd = ResultsDir.open(out, plan.kind(), plan.name(), command)) {
            ShardMerge.Result r = ShardMerge.merge(out, shards, plan.units());
            plan.finisher().finish(out, new RunStore(out).records(), plan.units(), stdout, stderr);
            stdout.flush();
            stderr.println("rnnbench: merged " + shards.size() + " shard(s) into " + out + ": " + r.records()
                + " record(s), " + r.added() + " new, " + r.weights() + " weights file(s) copied"
                + (r.duplicates() > 0 ? ", " + r.duplicates() + " unit(s) recorded by two shards kept once" : ""));
            if (r.missing().isEmpty()) {
                stderr.println("rnnbench: complete: all " + plan.units().size() + " planned units are in " + out);
                return Main.EXIT_OK;
            }
            stderr.println("rnnbench: " + r.missing().size() + " of " + plan.units().size() + " planned unit(s)"
                + " finished in no shard:");
            r.missing().forEach(id -> stderr.println("  " + id));
            stderr.println("rnnbench: run their shards again (the same command resumes), then merge again");
            return Main.EXIT_MISMATCH;
        }
    }

    /** A shard's manifest, null when it has none. */
    static ResultsDir.Manifest manifest(Path dir) throws IOException {
        Path file = dir.resolve(ResultsDir.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ResultsDir.Manifest m = new Gson().fromJson(Files.readString(file, StandardCharsets.UTF_8),
                ResultsDir.Manifest.class);
            if (m == null || m.kind() == null || m.name() == null || m.command() == null || m.command().isEmpty()) {
                throw new JsonParseException("kind, name or command missing");
            }
            return m;
        } catch (JsonParseException e) {
            throw new UsageException(file + " is not a valid rnnbench manifest (" + UsageException.firstLine(
                e.getMessage()) + "); remove that shard directory or run the shard again");
        }
    }

    /** A recorded command line without the program name and the shard options. */
    static List<String> withoutShardOptions(List<String> command) {
        List<String> args = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) {
            String a = command.get(i);
            if (SHARD_OPTIONS.contains(a)) {
                i++;
            } else if (SHARD_OPTIONS.stream().noneMatch(o -> a.startsWith(o + "=")) && !a.equals("--dry-run")) {
                args.add(a);
            }
        }
        return args;
    }

    /** The plan of a recorded command line, read by this rnnbench's own command classes. */
    static SweepTail.Plan plan(List<String> args, Path shard) {
        try {
            CommandLine.ParseResult parsed = new CommandLine(new RnnbenchCommand()).parseArgs(args.toArray(
                String[]::new));
            Object command = parsed.subcommand() == null ? null : parsed.subcommand().commandSpec().userObject();
            if (!(command instanceof SweepCommand sweep)) {
                throw new UsageException(shard.resolve(ResultsDir.MANIFEST) + ": '" + String.join(" ", args)
                    + "' is not a run or gradients command; merge only merges sweeps");
            }
            return sweep.plan();
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(shard.resolve(ResultsDir.MANIFEST) + ": its command '" + String.join(" ", args)
                + "' does not parse here (" + UsageException.firstLine(e.getMessage()) + "); merge with the"
                + " rnnbench version that ran the shards");
        }
    }
}
