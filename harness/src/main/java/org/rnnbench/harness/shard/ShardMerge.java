package org.rnnbench.harness.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.store.JsonLines;
import org.rnnbench.harness.store.RunStore;

/**
 * Merges shard directories into the results directory above them: every record once (as the shard wrote it, byte
 * for byte), in the order one machine would have written them (backend by backend in plan order, each backend's
 * units in plan order; records of units outside the plan after them), and every initial-weights file once, which
 * two shards must have written identically. Everything is checked before anything is written, so a conflict
 * leaves OUT as it was; merging again with nothing new leaves {@code runs.jsonl} byte for byte the same.
 *
 * <p>When a unit is recorded more than once (a shard of an earlier partition, a merge done before), one record is
 * kept: an OK, DIVERGED or UNSUPPORTED one over a FAILED one (a shard that ran the unit again with
 * {@code --retry-failed}), otherwise the one already in OUT, otherwise the lowest shard's.
 */
public final class ShardMerge {
    /** The initial weights' folder. */
    static final String WEIGHTS = "weights";

    private ShardMerge() {
    }

    /**
     * What a merge did.
     *
     * @param records    records in OUT after it
     * @param added      records it added to OUT
     * @param duplicates records left out because another shard recorded their unit too
     * @param weights    weights files it copied into OUT
     * @param missing    planned unit ids that no shard recorded, in plan order
     */
    public record Result(int records, int added, int duplicates, int weights, List<String> missing) {
    }

    private record Line(String text, RunRecord record, int source) {
    }

    /**
     * Merges {@code shards} into {@code out}.
     *
     * @throws UsageException naming file and line for a line that is not a record, or naming the file for weights
     *                        that two shards wrote differently
     */
    public static Result merge(Path out, List<Path> shards, List<PlannedUnit> units) throws IOException {
        List<Path> sources = new ArrayList<>(List.of(out));
        sources.addAll(shards);
        Map<String, Line> chosen = new LinkedHashMap<>();
        int duplicates = 0;
        for (int s = 0; s < sources.size(); s++) {
            Path file = sources.get(s).resolve(RunStore.FILE);
            List<String> lines = JsonLines.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                RunRecord r;
                try {
                    r = RunRecordCodec.fromJson(lines.get(i), file + ":" + (i + 1));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(UsageException.firstLine(e.getMessage()) + "; repair or remove that"
                        + " line, then merge again");
                }
                Line line = new Line(lines.get(i), r, s);
                Line earlier = chosen.get(r.id());
                if (earlier == null) {
                    chosen.put(r.id(), line);
                } else {
                    duplicates += earlier.source() > 0 ? 1 : 0;
                    if (earlier.record().status() == RunStatus.FAILED && r.status() != RunStatus.FAILED) {
                        chosen.put(r.id(), line);
                    }
                }
            }
        }
        Map<Path, Path> copies = weightsToCopy(out, shards);
        List<String> ordered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (PlannedUnit u : machineOrder(units)) {
            Line l = chosen.remove(u.id());
            if (l == null) {
                missing.add(u.id());
            } else {
                ordered.add(l.text());
            }
        }
        chosen.values().forEach(l -> ordered.add(l.text()));
        int before = JsonLines.lines(out.resolve(RunStore.FILE)).size();
        for (Map.Entry<Path, Path> e : copies.entrySet()) {
            JsonLines.writeAtomically(e.getKey(), Files.readAllBytes(e.getValue()));
        }
        if (!ordered.equals(JsonLines.lines(out.resolve(RunStore.FILE)))) {
            JsonLines.rewrite(out.resolve(RunStore.FILE), ordered);
        }
        List<String> planOrderMissing = units.stream().map(PlannedUnit::id).filter(missing::contains).toList();
        return new Result(ordered.size(), ordered.size() - before, duplicates, copies.size(), planOrderMissing);
    }

    /** The units in the order one machine's sweep runs them: by backend (first appearance), then plan order. */
    static List<PlannedUnit> machineOrder(List<PlannedUnit> units) {
        Map<String, List<PlannedUnit>> byBackend = new LinkedHashMap<>();
        units.forEach(u -> byBackend.computeIfAbsent(u.params().backend(), k -> new ArrayList<>()).add(u));
        return byBackend.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The shards' weights files missing from OUT (target to source), after checking that every copy of a file,
     * OUT's included, has the same bytes.
     */
    static Map<Path, Path> weightsToCopy(Path out, List<Path> shards) throws IOException {
        Map<String, Path> first = new TreeMap<>();
        Path outWeights = out.resolve(WEIGHTS);
        for (Path f : files(outWeights)) {
            first.put(f.getFileName().toString(), f);
        }
        Map<Path, Path> copies = new LinkedHashMap<>();
        Map<Path, byte[]> cache = new HashMap<>();
        for (Path shard : shards) {
            for (Path f : files(shard.resolve(WEIGHTS))) {
                String name = f.getFileName().toString();
                Path seen = first.putIfAbsent(name, f);
                if (seen == null) {
                    copies.put(outWeights.resolve(name), f);
                } else if (!Arrays.equals(cache.computeIfAbsent(seen, ShardMerge::read), read(f))) {
                    throw new UsageException("weights " + WEIGHTS + "/" + name + " differ between " + seen + " and "
                        + f + "; they come from the same seed and must be identical: remove the wrong shard's copy"
                        + " and its units' records, or run that shard again into an empty directory");
                }
            }
        }
        return copies;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted()
                .toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
