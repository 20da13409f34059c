package org.rnnbench.harness.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.rnnbench.core.run.Environment;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;

/** Synthetic run records of a claim's arms on scratch, seeds 0-2, for tests of the statistics and verdicts. */
final class Runs {
    static final List<Long> SEEDS = List.of(0L, 1L, 2L);
    private final List<RunRecord> records = new ArrayList<>();

    /** What one record holds; fields default to an OK run that measured nothing in particular. */
    static final class R {
        RunStatus status = RunStatus.OK;
        Map<String, Double> metrics = new HashMap<>();
        Map<String, Double> chance = new HashMap<>();
        long canonical = 100;
        long nativeCount = 100;
        double[] losses = {1, 0.5};
        long[] nanos = new long[20];
        double[] gradInitial = {1, 1};
        double[] gradTrained = {1, 1};

        /** Test MSE as a fraction of the baseline 1/6. */
        R mse(double overChance) {
            metrics.put("mse", overChance / 6);
            chance.put("mse", 1 / 6.0);
            return this;
        }

        /** A metric and its chance level. */
        R metric(String name, double value, double chanceLevel) {
            metrics.put(name, value);
            chance.put(name, chanceLevel);
            return this;
        }

        /** Every step took {@code ms} milliseconds. */
        R stepMs(double ms) {
            Arrays.fill(nanos, Math.round(ms * 1e6));
            return this;
        }

        /**
         * Losses whose mean over the last 100 steps first reaches the target 0.08 after {@code steps} steps (at
         * least 92): 1 until step {@code steps - 92}, then 0; each step 10 ms.
         */
        R target(int steps) {
            losses = new double[steps + 200];
            Arrays.fill(losses, 0, steps - 92, 1.0);
            nanos = new long[losses.length];
            Arrays.fill(nanos, 10_000_000L);
            return this;
        }

        /** dL/dh_t at initialisation falls by exp(-rate) per step back, over 100 steps. */
        R decay(double rate) {
            gradInitial = exponential(100, rate);
            return this;
        }

        /** dL/dh_t after training stays at 1 for {@code horizon - 1} steps back, then falls to 1e-4 (T=100). */
        R horizon(int horizon) {
            gradTrained = new double[100];
            for (int k = 0; k < 100; k++) {
                gradTrained[99 - k] = k < horizon ? 1 : 1e-4;
            }
            return this;
        }

        R losses(double... values) {
            losses = values;
            return this;
        }

        R counts(long canonicalCount, long nativeParameters) {
            canonical = canonicalCount;
            nativeCount = nativeParameters;
            return this;
        }

        RunRecord build(RunParams p) {
            return new RunRecord(p.id(), p, status, "", "dense", "many-to-one", "mse", canonical, nativeCount, 1e6,
                losses, nanos, "mse", false, metrics, chance, chance, 0.08, -1, Double.NaN,
                gradInitial, gradTrained, new Environment("abc", "jvm", "os", "amd64", "cpu", 2, Map.of(), Map.of()),
                "2026-01-01T00:00:00Z");
        }
    }

    static double[] exponential(int time, double rate) {
        double[] n = new double[time];
        for (int t = 0; t < time; t++) {
            n[t] = Math.exp(-rate * (time - 1 - t));
        }
        return n;
    }

    /** Adds the records of an arm, one per seed, each shaped by {@code f} with the seed's index. */
    Runs add(Arm arm, PerSeed f) {
        for (int i = 0; i < SEEDS.size(); i++) {
            R r = new R();
            f.shape(r, i);
            records.add(r.build(arm.params("scratch", SEEDS.get(i), 1)));
        }
        return this;
    }

    /** The same shape for every seed. */
    Runs all(Arm arm, Consumer<R> f) {
        return add(arm, (r, i) -> f.accept(r));
    }

    /** Shapes the record of one seed. */
    @FunctionalInterface
    interface PerSeed {
        void shape(R r, int seed);
    }

    List<RunRecord> records() {
        return records;
    }

    /** The claim's outcome on these records, every cell known. */
    Outcome judge(String claimId) {
        return judge(claimId, cell -> true);
    }

    Outcome judge(String claimId, Predicate<String> known) {
        Claim c = ClaimCatalog.select(List.of(claimId)).get(0);
        return c.judge(new Evidence(records, "scratch", SEEDS, 1, known));
    }

    /** Per-seed values around a centre: centre - d, centre, centre + d. */
    static double spread(double centre, double d, int seed) {
        return centre + (seed - 1) * d;
    }
}
