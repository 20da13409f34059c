package org.rnnbench.harness.worker;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.cost.RunCost;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Evaluator;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.run.Environment;
import org.rnnbench.core.run.RunParams;
import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunStatus;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.calibration.Calibration;
import org.rnnbench.harness.plan.PlannedUnit;
import org.rnnbench.harness.plan.TaskCatalog;
import org.rnnbench.reports.stats.TimeToTarget;

/**
 * Trains and measures one run unit on one backend, the same way for every backend:
 * <ol>
 *   <li>UNSUPPORTED, with the reason, when the train spec or the backend refuses the model;</li>
 *   <li>import the unit's initial weights file; norms of dL/dh_t on a fixed held-out batch (the first training
 *       batch size of sequences of the evaluation set);</li>
 *   <li>for step 0..steps-1: the task's {@code trainBatch(seed, step, batch)}, then {@code trainStep} timed alone
 *       with {@link System#nanoTime()}; at the first non-finite loss the unit is DIVERGED and stops, keeping its
 *       curve;</li>
 *   <li>evaluation on the task's evaluation set with core's {@link Evaluator} (skipped for a gradient study), and
 *       the norms of dL/dh_t again;</li>
 *   <li>any exception or error makes the unit FAILED with a one-line message; what was measured until then is
 *       kept.</li>
 * </ol>
 */
public final class UnitTrainer {
    /** Receives progress within a unit. */
    public interface StepListener {
        /** {@code done} of {@code total} train steps are finished. */
        void step(int done, int total);
    }

    /**
     * Environment variable with the JIT warm-up before each unit in milliseconds (default 1000; 0: none). The test
     * builds set 0: they pin results, which the warm-up does not change, not speed.
     */
    public static final String WARMUP_VARIABLE = "RNNBENCH_WARMUP_MS";

    private final Backend backend;
    private final int threads;
    private final Path resultsDir;
    private final TaskCatalog tasks = new TaskCatalog();
    private final Map<String, Map<String, Double>> empiricalChance = new HashMap<>();
    private final Environment environment;
    private final boolean evaluate;
    /** The warm-up before each unit, from {@link #WARMUP_VARIABLE}. */
    private final long warmupNanos = warmupNanos(System.getenv(WARMUP_VARIABLE));
    /** The machine's speed as last measured: before the first unit, then after each. */
    private Map<String, Double> calibration;

    /**
     * A trainer for units of one backend.
     *
     * @param libraries versions for the environment of every record
     * @param evaluate  false to skip the evaluation after training (a gradient study needs only the norms)
     */
    public UnitTrainer(Backend backend, int threads, Path resultsDir, Map<String, String> libraries,
                       boolean evaluate) {
        this.backend = backend;
        this.evaluate = evaluate;
        this.threads = threads;
        this.resultsDir = resultsDir;
        this.environment = Environment.current(libraries, threads, backend.threadSettings(threads));
        this.calibration = Calibration.measure();
    }

    /**
     * Runs a unit and returns its record; never throws for a failure of the backend. The record's calibration is
     * the machine's speed measured just before the unit and just after it ({@link Calibration#bracket}); the
     * measurement after a unit is the one before the next.
     */
    public RunRecord run(PlannedUnit unit, StepListener listener) {
        Measured m = new Measured(unit);
        try {
            train(unit, m, listener);
        } catch (Throwable t) { // a backend's failure, even an Error from native code, is a result of the unit
            m.status = RunStatus.FAILED;
            m.message = describe(t) + (m.losses.length > 0 && m.stepsDone < unit.params().steps()
                ? " (at train step " + m.stepsDone + ")" : "");
        }
        Map<String, Double> after = Calibration.measure();
        Map<String, Double> before = calibration;
        calibration = after;
        return m.record(environment.withCalibration(Calibration.bracket(before, after)));
    }

    private void train(PlannedUnit unit, Measured m, StepListener listener) throws Exception {
        RunParams p = unit.params();
        SequenceTask task = tasks.get(p.task());
        ModelSpec model = task.model(CellType.parse(p.cell()), p.hidden(), p.layers());
        TrainSpec train = new TrainSpec(Optimizer.parse(p.optimizer()), p.learningRate(), p.clipNorm(), p.tbptt(),
            p.batchSize(), p.steps(), p.seed());
        m.describe(task, model);
        if (evaluate) {
            m.chanceEmpirical = empiricalChance.computeIfAbsent(task.id() + "/" + p.seed() + "/" + p.batchSize(),
                k -> task.empiricalChance(p.seed(), p.batchSize()));
        }
        String incompatible = train.incompatibility(model);
        Optional<String> reason = incompatible != null ? Optional.of(incompatible)
            : backend.unsupportedReason(model, train);
        if (reason.isPresent()) {
            m.status = RunStatus.UNSUPPORTED;
            m.message = reason.get();
            return;
        }
        CanonicalWeights weights = CanonicalWeights.read(resultsDir.resolve(unit.weightsFile()),
            ParameterLayout.of(model));
        List<Batch> evaluation = task.evaluationSet(p.seed(), unit.evaluationBatch());
        Batch probe = task.evaluationSet(p.seed(), p.batchSize()).get(0);
        warmUp(unit.id(), task, model, train, weights, probe);
        try (SequenceModel sm = backend.create(model, train, threads)) {
            sm.importWeights(weights);
            m.canonicalParameters = sm.canonicalParameterCount();
            m.nativeParameters = sm.nativeParameterCount();
            m.gradNormsInitial = sm.hiddenGradientNorms(probe);
            double flops = 0;
            m.losses = new double[p.steps()];
            m.stepNanos = new long[p.steps()];
            for (int step = 0; step < p.steps(); step++) {
                Batch batch = task.trainBatch(p.seed(), step, p.batchSize());
                flops += RunCost.trainFlops(model, batch);
                long t0 = System.nanoTime();
                double loss = sm.trainStep(batch);
                long t1 = System.nanoTime();
                m.losses[step] = loss;
                m.stepNanos[step] = t1 - t0;
                m.stepsDone = step + 1;
                m.trainFlopsPerStep = flops / m.stepsDone;
                listener.step(step + 1, p.steps());
                if (!Double.isFinite(loss)) {
                    m.status = RunStatus.DIVERGED;
                    m.message = "the training loss became " + loss + " at step " + step;
                    return;
                }
            }
            if (evaluate) {
                m.metrics = Evaluator.evaluate(sm, task, evaluation);
            }
            // after 0 steps the model is the initial one: the curve is the same, and costly to compute again
            m.gradNormsTrained = p.steps() == 0 ? m.gradNormsInitial.clone() : sm.hiddenGradientNorms(probe);
        }
    }

    /**
     * Warms the JIT up for this configuration before the unit is timed: a throwaway model of the same spec, from
     * the same weights, makes the unit's calls in the unit's order (the gradient probe, then train steps on the
     * unit's batches) for at least {@link #WARMUP_VARIABLE}'s milliseconds and until the JIT is quiet
     * ({@link WarmupEnd}), and is closed; the worker's log has its steps and time. Without it a short unit's step
     * times measure which JIT tier its code had reached: in smoke runs (20 steps) the same scratch LSTM unit took
     * 2 ms per step in one JVM and 8-13 ms in the next. The probe comes first as in the unit: a warm-up of train
     * steps alone left the first unit of a JVM to pay for the recompilation the probe's other paths caused, a step
     * of 0.8 ms among steps of 10-20 us and then steps twice as fast as before it. The unit itself starts from the
     * weights file as before, so its results do not change.
     */
    private void warmUp(String id, SequenceTask task, ModelSpec model, TrainSpec train, CanonicalWeights weights,
                        Batch probe) throws Exception {
        if (warmupNanos <= 0 || train.steps() == 0) {
            return;
        }
        try (SequenceModel sm = backend.create(model, train, threads)) {
            sm.importWeights(weights);
            sm.hiddenGradientNorms(probe);
            WarmupEnd end = WarmupEnd.startingNow(warmupNanos);
            int step = 0;
            do {
                double loss = sm.trainStep(task.trainBatch(train.seed(), step % train.steps(), train.batchSize()));
                step++;
                if (!Double.isFinite(loss)) {
                    return; // the unit will diverge too, and record it
                }
            } while (!end.afterStep());
            System.err.println("warm-up of " + id + ": " + step + " steps in " + end.elapsedMillis() + " ms");
        }
    }

    /**
     * The warm-up of {@link #WARMUP_VARIABLE}'s value in nanoseconds: 1 s when unset or blank.
     *
     * @throws UsageException for a value that is not a whole number of milliseconds from 0 to 600000
     */
    public static long warmupNanos(String value) {
        if (value == null || value.isBlank()) {
            return 1_000_000_000L;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms >= 0 && ms <= 600_000) {
                return ms * 1_000_000L;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(WARMUP_VARIABLE + "=" + value + ": not a warm-up in milliseconds; give a whole"
            + " number from 0 (none) to 600000, or leave it unset for 1000");
    }

    /** One line: the exception's type and first message line. */
    static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": "
            + UsageException.firstLine(msg));
    }

    /** What is known of a unit so far. */
    private static final class Measured {
        final PlannedUnit unit;
        RunStatus status = RunStatus.OK;
        String message = "";
        String encoding = "";
        String topology = "";
        String loss = "";
        String primaryMetric = "";
        boolean higherIsBetter;
        long canonicalParameters;
        long nativeParameters;
        double trainFlopsPerStep = Double.NaN;
        double[] losses = new double[0];
        long[] stepNanos = new long[0];
        int stepsDone;
        Map<String, Double> metrics = Map.of();
        Map<String, Double> chanceAnalytic = Map.of();
        Map<String, Double> chanceEmpirical = Map.of();
        double[] gradNormsInitial = new double[0];
        double[] gradNormsTrained = new double[0];

        Measured(PlannedUnit unit) {
            this.unit = unit;
        }

        void describe(SequenceTask task, ModelSpec model) {
            encoding = model.encoding().id();
            topology = model.topology().id();
            loss = model.loss().id();
            primaryMetric = task.primaryMetric().name();
            higherIsBetter = task.primaryMetric().higherIsBetter();
            chanceAnalytic = task.analyticChance();
            canonicalParameters = ParameterLayout.of(model).totalSize();
        }

        RunRecord record(Environment environment) {
            double[] l = Arrays.copyOf(losses, stepsDone);
            long[] t = Arrays.copyOf(stepNanos, stepsDone);
            double target = unit.targetLoss();
            TimeToTarget reached = TimeToTarget.of(l, t, target);
            return new RunRecord(unit.id(), unit.params(), status, message, encoding, topology, loss,
                canonicalParameters, nativeParameters, trainFlopsPerStep, l, t, primaryMetric, higherIsBetter,
                metrics, chanceAnalytic, chanceEmpirical, target, reached.step(), reached.seconds(), gradNormsInitial,
                gradNormsTrained, environment, Instant.now().toString());
        }
    }
}
