package org.rnnbench.harness.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.shard.ShardDirs;
import org.rnnbench.harness.store.RunStore;

/**
 * Which shards of a sharded sweep still have units without a record, so that running the same cluster command
 * again submits only those. A unit counts as done when {@code OUT/runs.jsonl} (merged) or its shard's
 * {@code OUT/shards/<I>/runs.jsonl} has its record; a FAILED record counts as done unless failed units are to run
 * again ({@code --retry-failed}), as in {@code rnnbench run}.
 */
public final class ShardProgress {
    private ShardProgress() {
    }

    /**
     * The units left per shard, for the shards with any left, by index.
     *
     * @param out         the results directory
     * @param shardUnits  per shard, its unit ids
     * @param retryFailed whether FAILED records count as not done
     */
    public static Map<Integer, Integer> left(Path out, List<List<String>> shardUnits, boolean retryFailed)
        throws IOException {
        Set<String> merged = done(out, retryFailed);
        Map<Integer, Integer> left = new LinkedHashMap<>();
        for (int i = 0; i < shardUnits.size(); i++) {
            Set<String> done = done(ShardDirs.of(out, i), retryFailed);
            int n = 0;
            for (String id : shardUnits.get(i)) {
                if (!merged.contains(id) && !done.contains(id)) {
                    n++;
                }
            }
            if (n > 0) {
                left.put(i, n);
            }
        }
        return left;
    }

    private static Set<String> done(Path dir, boolean retryFailed) throws IOException {
        Set<String> ids = new HashSet<>();
        for (RunRecord r : new RunStore(dir).records()) {
            if (!(retryFailed && r.status() == RunStatus.FAILED)) {
                ids.add(r.id());
            }
        }
        return ids;
    }
}
