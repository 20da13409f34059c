package org.rnnbench.harness.shard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units of a plan split into shards, with each shard's estimated seconds. {@link #lpt} computes one by
 * longest-processing-time-first; {@link #assigned} prices an assignment made earlier (a frozen plan file).
 *
 * @param shards the shards, by index
 * @param source where the assignment comes from, for the dry run: the cost model or the frozen file
 */
public record Partition(List<Shard> shards, String source) {

    /**
     * One shard.
     *
     * @param index    its index
     * @param units    its unit ids, in plan order
     * @param backends units per backend, in the order the shard runs them (the plan's)
     * @param seconds  estimated seconds: its units plus one JVM start per backend
     */
    public record Shard(int index, List<String> units, Map<String, Integer> backends, double seconds) {
        /** Copies the collections. */
        public Shard {
            units = List.copyOf(units);
            backends = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(backends));
        }
    }

    /** Copies the list. */
    public Partition {
        shards = List.copyOf(shards);
    }

    /** The number of shards. */
    public int count() {
        return shards.size();
    }

    /** The shard a unit is in, by unit id. */
    public Map<String, Integer> shardOf() {
        Map<String, Integer> map = new HashMap<>();
        for (Shard s : shards) {
            s.units().forEach(id -> map.put(id, s.index()));
        }
        return map;
    }

    /** The total estimated seconds, every shard's JVM starts included. */
    public double totalSeconds() {
        return shards.stream().mapToDouble(Shard::seconds).sum();
    }

    /** The largest shard's estimated seconds: the wall time when every shard runs at once. */
    public double maxSeconds() {
        return shards.stream().mapToDouble(Shard::seconds).max().orElse(0);
    }

    /**
     * Longest processing time first: units in decreasing estimated seconds (plan order among equals), each to the
     * shard where it ends earliest, counting the backend's JVM start for a shard that does not run that backend yet,
     * so a backend's units gather in few shards (lowest index among equals). A pure function of its arguments.
     */
    public static Partition lpt(List<Workload> workloads, int count, CostModel model) {
        ShardId.checkCount("--shards", count);
        double[] seconds = workloads.stream().mapToDouble(model::seconds).toArray();
        List<Workload> order = new ArrayList<>(workloads);
        order.sort(Comparator.comparingDouble((Workload w) -> -seconds[w.index()]).thenComparingInt(Workload::index));
        double[] load = new double[count];
        List<Set<String>> backends = new ArrayList<>();
        int[] shardOf = new int[workloads.size()];
        for (int s = 0; s < count; s++) {
            backends.add(new java.util.HashSet<>());
        }
        for (Workload w : order) {
            int best = -1;
            double bestEnd = Double.POSITIVE_INFINITY;
            for (int s = 0; s < count; s++) {
                double end = load[s] + seconds[w.index()] + (backends.get(s).contains(w.backend()) ? 0
                    : model.startSeconds(w.backend()));
                if (end < bestEnd) {
                    bestEnd = end;
                    best = s;
                }
            }
            load[best] = bestEnd;
            backends.get(best).add(w.backend());
            shardOf[w.index()] = best;
        }
        List<List<String>> ids = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            ids.add(new ArrayList<>());
        }
        for (Workload w : workloads) {
            ids.get(shardOf[w.index()]).add(w.id());
        }
        return assigned(workloads, ids, model, model.records() == 0 ? "the default cost model"
            : "the cost model refined from " + model.records() + " recorded unit(s)");
    }

    /** Prices an assignment of unit ids to shards (every id one of the workloads'). */
    public static Partition assigned(List<Workload> workloads, List<List<String>> ids, CostModel model,
                                     String source) {
        Map<String, Workload> byId = new HashMap<>();
        workloads.forEach(w -> byId.put(w.id(), w));
        List<Shard> shards = new ArrayList<>();
        for (int s = 0; s < ids.size(); s++) {
            List<Workload> mine = ids.get(s).stream().map(byId::get).sorted(Comparator.comparingInt(
                Workload::index)).toList();
            Map<String, Integer> perBackend = new LinkedHashMap<>();
            double total = 0;
            for (Workload w : mine) {
                perBackend.merge(w.backend(), 1, Integer::sum);
                total += model.seconds(w);
            }
            for (String b : new LinkedHashSet<>(perBackend.keySet())) {
                total += model.startSeconds(b);
            }
            shards.add(new Shard(s, mine.stream().map(Workload::id).toList(), perBackend, total));
        }
        return new Partition(shards, source);
    }
}
