package org.rnnbench.harness.plan;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.Init;
import org.rnnbench.harness.UsageException;

/**
 * Validation of the command-line values a plan is made of, so that bad input fails before anything runs with one
 * message naming the option, the value and what would be right. Ids come back canonical ({@code rnn} becomes
 * {@code rnn-tanh}, {@code ADAM} becomes {@code adam}), so the same command always plans the same ids.
 */
public final class OptionCheck {
    /** The largest thread count accepted. */
    public static final int MAX_THREADS = 256;

    private OptionCheck() {
    }

    /** A matrix with every id checked and written canonically, and every number checked. */
    static Matrix canonical(Matrix m, TaskCatalog tasks) {
        requireNonEmpty("--tasks", m.tasks());
        requireNonEmpty("--cells", m.cells());
        requireNonEmpty("--backends", m.backends());
        requireNonEmpty("--hidden", m.hidden());
        requireNonEmpty("--layers", m.layers());
        requireNonEmpty("--seeds", m.seeds());
        for (String t : m.tasks()) {
            tasks.get(t);
        }
        List<String> cells = m.cells().stream().map(OptionCheck::cellId).distinct().toList();
        List<String> backends = m.backends().stream().map(String::strip).distinct().toList();
        for (String b : backends) {
            backendId(b);
        }
        for (int h : m.hidden()) {
            checkRange("--hidden", h, 1, CellSpec.MAX_SIZE);
        }
        for (int l : m.layers()) {
            checkRange("--layers", l, 1, 64);
        }
        for (long s : m.seeds()) {
            if (s < 0) {
                throw new UsageException("--seeds " + s + ": a seed must be 0 or more");
            }
        }
        String init = initId(m.init());
        String optimizer = optimizerId(m.optimizer());
        try {
            new TrainSpec(Optimizer.parse(optimizer), m.lr(), m.clip(), m.tbptt(), m.batch(), m.steps(), 0);
        } catch (IllegalArgumentException e) {
            throw new UsageException("training settings: " + UsageException.firstLine(e.getMessage())
                + " (options --lr, --clip, --tbptt, --batch, --steps)");
        }
        if (m.targetLoss() != null && !Double.isNaN(m.targetLoss()) && !(m.targetLoss() >= 0
            && Double.isFinite(m.targetLoss()))) {
            throw new UsageException("--target-loss " + m.targetLoss() + ": a target loss must be a finite number"
                + " of 0 or more");
        }
        return new Matrix(m.tasks().stream().map(String::strip).distinct().toList(), cells, backends, m.hidden(),
            m.layers(), m.seeds(), init, optimizer, m.lr(), m.clip(), m.tbptt(), m.batch(), m.steps(),
            m.targetLoss());
    }

    /** The canonical id of a cell. */
    public static String cellId(String text) {
        return parsed("--cells", text, t -> CellType.parse(t).id());
    }

    /** The id of a known backend. */
    public static String backendId(String text) {
        return parsed("--backends", text, t -> Backends.get(t.strip()).id());
    }

    /** The canonical id of an initialiser. */
    public static String initId(String text) {
        return parsed("--init", text, t -> Init.parse(t).id());
    }

    /** The canonical id of an optimizer. */
    public static String optimizerId(String text) {
        return parsed("--optimizer", text, t -> Optimizer.parse(t).id());
    }

    /** The value {@code parse} makes of an option's text; its {@link IllegalArgumentException} names the option. */
    private static String parsed(String option, String text, UnaryOperator<String> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + UsageException.firstLine(e.getMessage()));
        }
    }

    /** Requires {@code lo <= value <= hi}, naming the option. */
    public static void checkRange(String option, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new UsageException(String.format(Locale.ROOT, "%s %d: must be in [%d, %d]", option, value, lo,
                hi));
        }
    }

    private static void requireNonEmpty(String option, List<?> values) {
        if (values.isEmpty()) {
            throw new UsageException(option + " is empty; give at least one value");
        }
    }
}
