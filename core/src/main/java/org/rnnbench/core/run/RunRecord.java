package org.rnnbench.core.run;

import java.util.Arrays;
import java.util.Map;

/**
 * Everything measured for one run unit, one JSON line in a result file.
 *
 * @param id                  {@link RunParams#id()}
 * @param params              what was run
 * @param status              how it ended
 * @param message             why, for a status other than OK (empty otherwise)
 * @param encoding            the model's input encoding id
 * @param topology            the model's topology id
 * @param loss                the model's loss id
 * @param canonicalParameters PyTorch's parameter count
 * @param nativeParameters    the backend's own parameter count
 * @param trainFlopsPerStep   FLOPs of one train step by the formula of {@link org.rnnbench.core.cost.Costs}
 * @param losses              training loss of every step, in order
 * @param stepNanos           wall time of every train step in nanoseconds, in order
 * @param primaryMetric       the task's primary metric name
 * @param higherIsBetter      its direction
 * @param metrics             evaluation metrics after training, by name
 * @param chanceAnalytic      the task's analytic chance level per metric
 * @param chanceEmpirical     the chance predictor's score on the evaluation set per metric
 * @param targetLoss          the training loss counted as reached (NaN when none was set)
 * @param stepsToTarget       the first step whose loss was at or below the target, -1 when never
 * @param secondsToTarget     train seconds up to and including that step, NaN when never
 * @param gradNormsInitial    norm of dL/dh_t over t at initialisation
 * @param gradNormsTrained    norm of dL/dh_t over t after training
 * @param environment         where it ran
 * @param finishedAt          ISO-8601 instant the record was written
 */
public record RunRecord(String id, RunParams params, RunStatus status, String message, String encoding,
                        String topology, String loss, long canonicalParameters, long nativeParameters,
                        double trainFlopsPerStep, double[] losses, long[] stepNanos, String primaryMetric,
                        boolean higherIsBetter, Map<String, Double> metrics, Map<String, Double> chanceAnalytic,
                        Map<String, Double> chanceEmpirical, double targetLoss, int stepsToTarget,
                        double secondsToTarget, double[] gradNormsInitial, double[] gradNormsTrained,
                        Environment environment, String finishedAt) {

    /** Rejects records without an id, parameters or a known status. */
    public RunRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a run record needs an id");
        }
        if (params == null) {
            throw new IllegalArgumentException("run record " + id + " has no parameters");
        }
        if (status == null) {
            throw new IllegalArgumentException("run record " + id + " has no status or an unknown one; a status is"
                + " one of " + Arrays.toString(RunStatus.values()));
        }
    }

    /** This record with another environment (a calibration added, say). */
    public RunRecord withEnvironment(Environment other) {
        return new RunRecord(id, params, status, message, encoding, topology, loss, canonicalParameters,
            nativeParameters, trainFlopsPerStep, losses, stepNanos, primaryMetric, higherIsBetter, metrics,
            chanceAnalytic, chanceEmpirical, targetLoss, stepsToTarget, secondsToTarget, gradNormsInitial,
            gradNormsTrained, other, finishedAt);
    }
}
