package org.rnnbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Metric;
import org.rnnbench.core.data.MetricAccumulator;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.LossType;

/**
 * The empirical chance baseline (the chance predictor scored on the evaluation set) matches the analytic one within
 * sampling error. Every metric is a ratio of per-sequence sums, sum a_i / sum n_i; its standard error over the
 * evaluation sequences is {@code sqrt(sum (a_i - m n_i)^2) / sum n_i} (delta method), and the two must agree
 * within four of them. For the proportions (accuracies) the standard error is at least the binomial one of the
 * analytic proportion p, {@code sqrt(p(1-p)/sum n_i)}, so that a rare event that did not occur in the sample (a
 * whole sequence right by chance) is not held to zero error.
 */
class ChanceBaselineTest {
    private static final double SIGMAS = 4;

    static java.util.stream.Stream<String> ids() {
        return AllTasks.ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void empiricalChanceMatchesTheAnalyticOneWithinSamplingError(String id) {
        SequenceTask task = TaskRegistry.create(id);
        Map<String, Double> analytic = task.analyticChance();
        Map<String, Double> empirical = task.empiricalChance(11, 128);
        assertTrue(analytic.containsKey(task.primaryMetric().name()), id + " has no analytic primary metric");
        Map<String, double[]> error = standardErrors(task, 11);
        for (Map.Entry<String, Double> e : analytic.entrySet()) {
            String metric = e.getKey();
            assertTrue(empirical.containsKey(metric), id + ": the analytic chance names " + metric
                + ", which the accumulator does not report");
            double se = error.get(metric)[0];
            if (metric.equals(Metric.ACCURACY.name()) || metric.equals(Metric.SEQUENCE_ACCURACY.name())) {
                double p = e.getValue();
                se = Math.max(se, Math.sqrt(p * (1 - p) / error.get(metric)[1]));
            }
            double tolerance = SIGMAS * se + 1e-6 * Math.max(1, Math.abs(e.getValue()));
            assertEquals(e.getValue(), empirical.get(metric), tolerance, id + ": " + metric + " (standard error "
                + se + ")");
        }
    }

    @Test
    void thePublishedBaselinesComeOut() {
        assertEquals(1.0 / 6, chance("adding-T200", Metric.MSE), 1e-12);
        assertEquals(0.1733, chance("copy-T100-K8", Metric.LOSS), 5e-5);
        assertEquals(Math.log(4), chance("temporal-order", Metric.LOSS), 1e-12);
        assertEquals(0.25, chance("temporal-order", Metric.ACCURACY), 1e-12);
        assertEquals(Math.log(2), chance("parity-T10", Metric.LOSS), 1e-12);
        assertEquals(0.5, chance("parity-T10", Metric.ACCURACY), 1e-12);
        assertEquals(0.1, chance("digits-rows", Metric.ACCURACY), 1e-12);
        assertEquals(0.5, chance("sine-generation", Metric.MSE), 1e-12);
        assertEquals(7.0 / 12 + 0.01, chance("sines-irregular", Metric.MSE), 1e-12);
        assertEquals(1e-10, chance("reverse-T10", Metric.SEQUENCE_ACCURACY), 1e-22);
    }

    @Test
    void theRealDataBaselinesAreWhereTheDataPutsThem() {
        double bits = chance("shakespeare-char-T100", Metric.BITS_PER_SYMBOL);
        assertTrue(bits > 4.7 && bits < 4.9, "unigram bits per char " + bits);
        double nll = chance("jsb-chorales", Metric.NLL_PER_STEP);
        assertTrue(nll > 10.5 && nll < 11.5, "marginal NLL per step " + nll);
        double sunspots = chance("sunspots", Metric.MSE);
        assertTrue(sunspots > 0.2 && sunspots < 1.5, "persistence MSE " + sunspots);
        double co2 = chance("co2", Metric.MSE);
        assertTrue(co2 > 0.3 && co2 < 2, "persistence MSE " + co2);
    }

    private static double chance(String id, Metric metric) {
        return TaskRegistry.create(id).analyticChance().get(metric.name());
    }

    /** Per metric of the chance predictor: its standard error over the evaluation sequences, and sum n_i. */
    private static Map<String, double[]> standardErrors(SequenceTask task, long seed) {
        Map<String, List<double[]>> terms = new HashMap<>(); // per metric, per sequence: a_i, n_i
        for (Batch batch : task.evaluationSet(seed, 128)) {
            float[] outputs = task.chanceOutputs(batch);
            for (int b = 0; b < batch.size(); b++) {
                Sequences target = Rows.row(batch.target(), b);
                MetricAccumulator one = new MetricAccumulator(task.loss());
                one.add(target, Rows.row(outputs, batch.target(), b));
                int positions = target.lengths()[0];
                for (Map.Entry<String, Double> m : one.result().entrySet()) {
                    double weight = weight(task.loss(), m.getKey(), positions, target.width());
                    terms.computeIfAbsent(m.getKey(), k -> new ArrayList<>())
                        .add(new double[] {m.getValue() * weight, weight});
                }
            }
        }
        Map<String, double[]> errors = new HashMap<>();
        for (Map.Entry<String, List<double[]>> e : terms.entrySet()) {
            double a = 0;
            double n = 0;
            for (double[] t : e.getValue()) {
                a += t[0];
                n += t[1];
            }
            double mean = a / n;
            double squares = 0;
            for (double[] t : e.getValue()) {
                squares += (t[0] - mean * t[1]) * (t[0] - mean * t[1]);
            }
            errors.put(e.getKey(), new double[] {Math.sqrt(squares) / n, n});
        }
        return errors;
    }

    /** The denominator of a metric for one sequence: its positions, its outputs for MSE, or 1 per sequence. */
    private static double weight(LossType loss, String metric, int positions, int width) {
        if (metric.equals(Metric.SEQUENCE_ACCURACY.name())) {
            return 1;
        }
        return loss == LossType.MSE ? positions * width : positions;
    }
}
