package org.rnnbench.harness.worker;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.rnnbench.harness.plan.Planner;
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

    private final Backend backend;
    private final int threads;
    private final Path resultsDir;
    private final TaskCatalog tasks = new TaskCatalog();
    private final Map<String, Map<String, Double>> empiricalChance = new HashMap<>();
    private final Environment environment;
    private final boolean evaluate;

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
        this.environment = Environment.current(libraries, threads, backend.threadSettings(threads))
            .withCalibration(Calibration.measure());
    }

    /** Runs a unit and returns its record; never throws for a failure of the backend. */
    public RunRecord run(PlannedUnit unit, StepListener listener) {
        Measured m = new Measured(unit);
        try {
            train(unit, m, listener);
        } catch (Throwable t) { // a backend's failure, even an Error from native code, is a result of the unit
            m.status = RunStatus.FAILED;
            m.message = describe(t) + (m.losses.length > 0 && m.stepsDone < unit.params().steps()
                ? " (at train step " + m.stepsDone + ")" : "");
        }
        return m.record(environment);
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
                flops += Planner.trainFlops(model, batch);
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
