package org.rnnbench.harness.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where shards write: {@code OUT/shards/<I>/}, each a results directory of its own (lock, manifest, runs.jsonl,
 * weights/, logs/, jobs/), so that shards never write the same file; and {@code OUT/shards/plan.json}, the
 * partition frozen before the shards start.
 */
public final class ShardDirs {
    /** The folder of the shards inside a results directory. */
    public static final String SHARDS = org.rnnbench.reports.read.ResultsReader.SHARDS;
    /** The frozen partition's file name inside {@link #SHARDS}. */
    public static final String PLAN = "plan.json";

    private ShardDirs() {
    }

    /** {@code OUT/shards}. */
    public static Path root(Path out) {
        return out.resolve(SHARDS);
    }

    /** {@code OUT/shards/<index>}. */
    public static Path of(Path out, int index) {
        return root(out).resolve(Integer.toString(index));
    }

    /** {@code OUT/shards/plan.json}. */
    public static Path planFile(Path out) {
        return root(out).resolve(PLAN);
    }

    /** The shard directories that exist, by index (names that are whole numbers only). */
    public static List<Path> existing(Path out) throws IOException {
        Path root = root(out);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        TreeMap<Integer, Path> found = new TreeMap<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && name.matches("0|[1-9][0-9]{0,8}")) {
                    found.put(Integer.parseInt(name), p);
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
