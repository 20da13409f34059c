package org.rnnbench.harness.shard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.harness.store.JsonLines;
import org.rnnbench.harness.store.RunStore;

/**
 * Which partition a shard runs, so that every shard runs the same one. The rule:
 * <ol>
 *   <li>when {@code OUT/shards/plan.json} exists (written by {@link #freeze} before the shards start, e.g. by
 *       {@code rnnbench slurm}), it is the partition: it must be of the same plan and shard count;</li>
 *   <li>otherwise the partition is {@link Partition#lpt} with {@link CostModel#defaults()}: a pure function of
 *       the plan and the count, identical in every process whatever it finds on disk.</li>
 * </ol>
 * Recorded step times refine the cost model only where a partition is planned rather than run ({@link #planned}:
 * the dry run, and the partition a submitting command freezes), from what is already recorded below OUT.
 */
public final class ShardPlans {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * The frozen file's content.
     *
     * @param kind   the study ({@code run}, {@code gradients})
     * @param name   the plan's name (suite or hash)
     * @param count  the number of shards
     * @param shards per shard, its unit ids
     */
    record Frozen(String kind, String name, int count, List<List<String>> shards) {
    }

    private ShardPlans() {
    }

    /** The partition shard processes run: the frozen one when present, else the default model's. */
    public static Partition forShards(Path out, String kind, String name, List<PlannedUnit> units, int count)
        throws IOException {
        List<Workload> workloads = Workload.of(units, new TaskCatalog());
        Frozen frozen = read(out, kind, name, units, count);
        return frozen != null ? Partition.assigned(workloads, frozen.shards(), CostModel.defaults(),
            ShardDirs.planFile(out).toString()) : Partition.lpt(workloads, count, CostModel.defaults());
    }

    /**
     * The partition as planned now: the frozen one when present (estimates from the refined model), else a new one
     * from the cost model refined by every record below OUT.
     */
    public static Partition planned(Path out, String kind, String name, List<PlannedUnit> units, int count)
        throws IOException {
        TaskCatalog tasks = new TaskCatalog();
        List<Workload> workloads = Workload.of(units, tasks);
        CostModel model = CostModel.refined(recorded(out), tasks);
        Frozen frozen = read(out, kind, name, units, count);
        return frozen != null ? Partition.assigned(workloads, frozen.shards(), model,
            ShardDirs.planFile(out).toString()) : Partition.lpt(workloads, count, model);
    }

    /**
     * Writes {@code OUT/shards/plan.json} unless it exists (then it must match, see {@link #forShards}); returns the
     * partition now in effect.
     */
    public static Partition freeze(Path out, String kind, String name, List<PlannedUnit> units, int count)
        throws IOException {
        Partition p = planned(out, kind, name, units, count);
        Path file = ShardDirs.planFile(out);
        if (!Files.exists(file)) {
            List<List<String>> ids = p.shards().stream().map(Partition.Shard::units).toList();
            JsonLines.writeAtomically(file, GSON.toJson(new Frozen(kind, name, count, ids))
                .getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Every record below OUT that parses (runs.jsonl of OUT and of each shard); for estimates only. */
    static List<RunRecord> recorded(Path out) throws IOException {
        List<Path> files = new ArrayList<>(List.of(out.resolve(RunStore.FILE)));
        ShardDirs.existing(out).forEach(d -> files.add(d.resolve(RunStore.FILE)));
        List<RunRecord> records = new ArrayList<>();
        for (Path f : files) {
            for (String line : JsonLines.lines(f)) {
                try {
                    records.add(RunRecordCodec.fromJson(line, f.toString()));
                } catch (IllegalArgumentException e) {
                    // a line an estimate cannot use; merge and report say what is wrong with it
                }
            }
        }
        return records;
    }

    /** The frozen partition of the plan, null when there is none; a file of another plan or count is bad input. */
    static Frozen read(Path out, String kind, String name, List<PlannedUnit> units, int count) throws IOException {
        Path file = ShardDirs.planFile(out);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Frozen f;
        try {
            f = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Frozen.class);
        } catch (JsonParseException e) {
            throw new UsageException(file + " is not a shard plan (" + UsageException.firstLine(e.getMessage())
                + "); remove it to plan the shards again");
        }
        if (f == null || f.shards() == null || !kind.equals(f.kind()) || !name.equals(f.name())) {
            throw new UsageException(file + " partitions another plan (" + (f == null ? "none" : f.kind() + " "
                + f.name()) + "), not " + kind + " " + name + "; use another --out");
        }
        if (f.count() != count || f.shards().size() != count) {
            throw new UsageException(file + " partitions this plan into " + f.count() + " shards, not " + count
                + "; give " + f.count() + " shards, or remove " + ShardDirs.root(out) + " to start over");
        }
        Set<String> planned = new HashSet<>(units.stream().map(PlannedUnit::id).toList());
        Set<String> seen = new HashSet<>();
        for (List<String> shard : f.shards()) {
            for (String id : shard) {
                if (!planned.contains(id) || !seen.add(id)) {
                    throw new UsageException(file + ": unit " + id + (seen.contains(id) && planned.contains(id)
                        ? " is in two shards" : " is not in this plan") + "; remove the file to plan the shards again");
                }
            }
        }
        if (seen.size() != planned.size()) {
            throw new UsageException(file + " leaves " + (planned.size() - seen.size()) + " unit(s) of the plan in no"
                + " shard; remove the file to plan the shards again");
        }
        return f;
    }
}
