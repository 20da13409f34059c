package org.rnnbench.harness.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.cost.Costs;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.Init;
import org.rnnbench.harness.UsageException;

/**
 * Turns matrices into run units, validating every id and size first so that a bad input fails before anything
 * runs, with one message naming the option, the value and what would be right. Ids are canonical ({@code rnn}
 * becomes {@code rnn-tanh}, {@code ADAM} becomes {@code adam}), so the same command always plans the same ids.
 */
public final class Planner {
    /** Sequences of a task's evaluation set assumed by the progress estimate. */
    public static final int EVALUATION_SEQUENCES_ESTIMATE = 1024;
    /** The evaluation batch size where memory allows. */
    public static final int EVALUATION_BATCH = 256;
    /** The largest thread count accepted. */
    public static final int MAX_THREADS = 256;

    private final TaskCatalog tasks;
    private final long memory;

    /** A planner on the tasks of {@code tasks} for a machine with {@code memory} bytes. */
    public Planner(TaskCatalog tasks, long memory) {
        this.tasks = tasks;
        this.memory = memory;
    }

    /**
     * The units of the matrices, in order, without duplicates.
     *
     * @throws UsageException for any unknown id or impossible size
     */
    public List<PlannedUnit> plan(List<Matrix> matrices, int threads) {
        checkRange("--threads", threads, 1, MAX_THREADS);
        Map<String, PlannedUnit> units = new LinkedHashMap<>();
        for (Matrix m : matrices) {
            Matrix canonical = canonical(m);
            for (RunParams p : canonical.params(threads)) {
                if (!units.containsKey(p.id())) {
                    units.put(p.id(), unit(p, canonical.targetLoss()));
                }
            }
        }
        return new ArrayList<>(units.values());
    }

    /** A matrix with every id checked and written canonically, and every number checked. */
    Matrix canonical(Matrix m) {
        requireNonEmpty("--tasks", m.tasks());
        requireNonEmpty("--cells", m.cells());
        requireNonEmpty("--backends", m.backends());
        requireNonEmpty("--hidden", m.hidden());
        requireNonEmpty("--layers", m.layers());
        requireNonEmpty("--seeds", m.seeds());
        for (String t : m.tasks()) {
            tasks.get(t);
        }
        List<String> cells = m.cells().stream().map(Planner::cellId).distinct().toList();
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

    private PlannedUnit unit(RunParams p, Double target) {
        SequenceTask task = tasks.get(p.task());
        ModelSpec model;
        try {
            model = task.model(CellType.parse(p.cell()), p.hidden(), p.layers());
        } catch (IllegalArgumentException e) {
            throw new UsageException(p.task() + " with " + p.cell() + " hidden " + p.hidden() + ": "
                + UsageException.firstLine(e.getMessage()));
        }
        Batch sample = task.trainBatch(p.seed(), 0, p.batchSize());
        int steps = recurrentSteps(model, sample);
        Sizes.check(p.cell() + " hidden " + p.hidden() + " layers " + p.layers() + " on " + p.task(), model,
            p.batchSize(), steps, memory);
        double train = trainFlops(model, sample);
        double eval = train / Costs.TRAIN_FACTOR * EVALUATION_SEQUENCES_ESTIMATE / p.batchSize();
        // the evaluation's cost in FLOPs does not depend on its batch size
        double targetLoss = target == null ? defaultTargetLoss(task) : target;
        int evaluationBatch = Math.max(p.batchSize(), EVALUATION_BATCH);
        if (Sizes.trainingBytes(model, evaluationBatch, steps) > memory / 4.0) {
            evaluationBatch = p.batchSize();
        }
        return new PlannedUnit(p, weightsFile(p), targetLoss, train * p.steps() + eval, evaluationBatch);
    }

    /** The recurrent steps of a batch: the encoder's plus the decoder's for encoder-decoder. */
    public static int recurrentSteps(ModelSpec model, Batch batch) {
        int steps = batch.recurrentSteps(model.topology());
        return model.hasDecoder() ? steps + batch.target().time() : steps;
    }

    /** Train FLOPs of one step on a batch, by {@link Costs#trainFlops}. */
    public static double trainFlops(ModelSpec model, Batch batch) {
        int outputs = model.topology() == Topology.MANY_TO_ONE || model.topology() == Topology.ONE_TO_ONE ? 1
            : batch.target().time();
        return Costs.trainFlops(model, batch.size(), recurrentSteps(model, batch), outputs);
    }

    /**
     * A task's default target loss: half its analytic chance loss (halfway between chance and a perfect model),
     * NaN when the task gives no chance loss.
     */
    public static double defaultTargetLoss(SequenceTask task) {
        Double chance = task.analyticChance().get("loss");
        return chance == null || !Double.isFinite(chance) || chance <= 0 ? Double.NaN : chance / 2;
    }

    /**
     * The initial weights' file name of a unit, from what determines the weights: task (its input and output
     * sizes), cell, sizes, initialiser and seed. Units of every backend share it.
     */
    public static String weightsFile(RunParams p) {
        return "weights/" + p.task() + "_" + p.cell() + "_h" + p.hidden() + "_l" + p.layers() + "_" + p.init()
            + "_seed" + p.seed() + ".safetensors";
    }

    /** A deterministic short name for a set of units: {@code run-} and 10 hex digits of a hash of their ids. */
    public static String matrixName(String prefix, List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids.stream().sorted().toList()) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return prefix + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The canonical id of a cell. */
    public static String cellId(String text) {
        try {
            return CellType.parse(text).id();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cells: " + UsageException.firstLine(e.getMessage()));
        }
    }

    /** The id of a known backend. */
    public static String backendId(String text) {
        try {
            return Backends.get(text.strip()).id();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--backends: " + UsageException.firstLine(e.getMessage()));
        }
    }

    /** The canonical id of an initialiser. */
    public static String initId(String text) {
        try {
            return Init.parse(text).id();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--init: " + UsageException.firstLine(e.getMessage()));
        }
    }

    /** The canonical id of an optimizer. */
    public static String optimizerId(String text) {
        try {
            return Optimizer.parse(text).id();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--optimizer: " + UsageException.firstLine(e.getMessage()));
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
