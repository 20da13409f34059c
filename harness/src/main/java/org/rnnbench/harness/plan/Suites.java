package org.rnnbench.harness.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.rnnbench.core.backend.Backends;
import org.rnnbench.harness.UsageException;

/**
 * The built-in suites. Every suite runs the main backends registered (variants are left out; see
 * {@link Backends#main()}) and the four cells, so that each unit has identical twins on the other backends.
 *
 * <ul>
 *   <li>{@code smoke}: tiny sizes and few steps, one many-to-one and one many-to-many task; under a minute.</li>
 *   <li>{@code quick}: the README's main job, under ten minutes on two cores with one thread per backend: small
 *       models on a real many-to-one task (digits row by row), a synthetic many-to-one task (adding) and a real
 *       many-to-many task (a character language model on Tiny Shakespeare), two seeds each so that reports can
 *       show an interval. Short sequences, because the framework backends pay per op and per step (DL4J's GRU
 *       most); every task shows learning within 200 steps (copy memory, which sits at its baseline that long, is
 *       left to the full suite).</li>
 *   <li>{@code full}: the published comparisons of TASKS.md (adding and copy at growing lengths, temporal order,
 *       JSB Chorales at Chung et al.'s parameter budget, Tiny Shakespeare, digits, an encoder-decoder task), three
 *       seeds; hours.</li>
 * </ul>
 */
public final class Suites {
    /** The four cells. */
    public static final List<String> ALL_CELLS = List.of("rnn-tanh", "rnn-relu", "lstm", "gru");

    private Suites() {
    }

    /** The backends every suite runs: the registered main backends, the reference first. */
    public static List<String> mainBackends() {
        return Backends.mainIds();
    }

    /** Every suite, in listing order. */
    public static List<Suite> all() {
        return List.of(smoke(), quick(), full());
    }

    /**
     * The suite of a name.
     *
     * @throws UsageException naming the known suites
     */
    public static Suite get(String name) {
        for (Suite s : all()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new UsageException("--suite: unknown suite '" + name + "'; known suites: "
            + all().stream().map(Suite::name).collect(Collectors.joining(", ")));
    }

    static Suite smoke() {
        return new Suite("smoke", "tiny: adding-T10 and copy-T2-K4, hidden 8, 20 steps, one seed (under a minute)",
            List.of(grid(List.of("adding-T10", "copy-T2-K4"), ALL_CELLS, List.of(8), List.of(0L), 8, 20, 1e-2)));
    }

    static Suite quick() {
        List<Long> seeds = List.of(0L, 1L);
        return new Suite("quick", "digits-rows, adding-T20 and shakespeare-char-T10, hidden 32, 200 steps, two seeds"
            + " (under ten minutes on two cores)", List.of(
                grid(List.of("digits-rows", "adding-T20", "shakespeare-char-T10"), ALL_CELLS, List.of(32), seeds, 32,
                    200, 1e-2)));
    }

    static Suite full() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        List<Matrix> m = new ArrayList<>();
        // Arjovsky et al. 2016: adding at growing T, H=128 (they used RMSProp at 1e-3; we train with Adam at 1e-3)
        m.add(grid(List.of("adding-T100", "adding-T200", "adding-T400"), ALL_CELLS, List.of(128), seeds, 50, 3000,
            1e-3));
        // copy memory: LSTM beats the baseline only at small T
        m.add(grid(List.of("copy-T50-K8", "copy-T100-K8", "copy-T200-K8"), ALL_CELLS, List.of(128), seeds, 50, 3000,
            1e-3));
        m.add(grid(List.of("temporal-order", "parity-T50"), ALL_CELLS, List.of(64), seeds, 32, 3000, 1e-3));
        // Chung et al. 2014: about 20k parameters each, tanh 100, GRU 46, LSTM 36 units
        m.add(grid(List.of("jsb-chorales"), List.of("rnn-tanh"), List.of(100), seeds, 16, 2000, 1e-3));
        m.add(grid(List.of("jsb-chorales"), List.of("gru"), List.of(46), seeds, 16, 2000, 1e-3));
        m.add(grid(List.of("jsb-chorales"), List.of("lstm"), List.of(36), seeds, 16, 2000, 1e-3));
        m.add(grid(List.of("shakespeare-char-T100"), ALL_CELLS, List.of(128), seeds, 32, 2000, 2e-3));
        m.add(grid(List.of("digits-rows", "digits-flat", "dna-motif", "sunspots"), ALL_CELLS, List.of(64), seeds, 32,
            1000, 1e-3));
        m.add(grid(List.of("sine-generation", "reverse-T10"), ALL_CELLS, List.of(64), seeds, 32, 2000, 1e-3));
        return new Suite("full", "the published comparisons of TASKS.md at their sizes, three seeds (hours)", m);
    }

    private static Matrix grid(List<String> tasks, List<String> cells, List<Integer> hidden, List<Long> seeds,
                               int batch, int steps, double lr) {
        return new Matrix(tasks, cells, mainBackends(), hidden, List.of(1), seeds, "pytorch", "adam", lr, 1.0, 0,
            batch, steps, null);
    }
}
