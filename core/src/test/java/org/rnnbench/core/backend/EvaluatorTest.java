package org.rnnbench.core.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.LossFunctions;
import org.rnnbench.core.data.Metric;
import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;

/** Evaluation and greedy decoding on a toy model whose every decoder step predicts "previous token + 1". */
class EvaluatorTest {
    static final int V = 5;

    /** Output at decoder step t: class (decoder input at t + 1) mod V, as logits 4 vs 0. */
    static final class Successor implements SequenceModel {
        int forwards;

        @Override
        public ForwardResult forward(Batch batch) {
            forwards++;
            Sequences dec = batch.decoderInput();
            float[] out = new float[dec.batch() * dec.time() * V];
            for (int b = 0; b < dec.batch(); b++) {
                for (int t = 0; t < dec.time(); t++) {
                    out[(b * dec.time() + t) * V + (dec.ids()[b * dec.time() + t] + 1) % V] = 4;
                }
            }
            return new ForwardResult(0, out);
        }

        @Override
        public ModelSpec spec() {
            return new ModelSpec(new InputEncoding.OneHot(V), CellType.GRU, 2, 1, Topology.SEQ_TO_SEQ, V,
                LossType.SOFTMAX_CE);
        }

        @Override
        public TrainSpec trainSpec() {
            return TrainSpec.sgd(0.1, 1, 1, 0);
        }

        @Override
        public void importWeights(CanonicalWeights weights) {
            throw new UnsupportedOperationException("toy");
        }

        @Override
        public CanonicalWeights exportWeights() {
            throw new UnsupportedOperationException("toy");
        }

        @Override
        public double trainStep(Batch batch) {
            throw new UnsupportedOperationException("toy");
        }

        @Override
        public GradientResult gradients(Batch batch) {
            throw new UnsupportedOperationException("toy");
        }

        @Override
        public double[] hiddenGradientNorms(Batch batch) {
            throw new UnsupportedOperationException("toy");
        }

        @Override
        public long canonicalParameterCount() {
            return 0;
        }

        @Override
        public long nativeParameterCount() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    /** Source anything; teacher-forced decoder input 0, 4, 4, 4; target 1, 2, 3, 4. */
    static Batch batch() {
        Sequences src = Sequences.ids(1, 2, V, new int[] {3, 3});
        Sequences dec = Sequences.ids(1, 4, V, new int[] {0, 4, 4, 4});
        Sequences target = Sequences.ids(1, 4, V, new int[] {1, 2, 3, 4});
        return new Batch(src, dec, target);
    }

    static int[] argMaxes(float[] outputs, int steps) {
        int[] k = new int[steps];
        for (int t = 0; t < steps; t++) {
            k[t] = LossFunctions.argMax(outputs, t * V, V);
        }
        return k;
    }

    @Test
    void greedyDecodingFeedsBackEachPredictionAndKeepsTheStartToken() {
        Successor model = new Successor();
        float[] outputs = Evaluator.greedyOutputs(model, batch());
        assertArrayEquals(new int[] {1, 2, 3, 4}, argMaxes(outputs, 4));
        assertArrayEquals(new int[] {1, 0, 0, 0}, argMaxes(model.forward(batch()).outputs(), 4),
            "teacher forcing reads the given decoder input");
    }

    @Test
    void evaluateDecodesGreedilyOnlyWhenTheTaskAsks() {
        assertEquals(1.0, Evaluator.evaluate(new Successor(), task(true), List.of(batch())).get("accuracy"));
        assertEquals(0.25, Evaluator.evaluate(new Successor(), task(false), List.of(batch())).get("accuracy"));
    }

    @Test
    void greedyDecodingNeedsTokens() {
        Batch dense = new Batch(Sequences.dense(1, 1, 1, new float[1]), Sequences.dense(1, 2, 1, new float[2]),
            Sequences.ids(1, 2, V, new int[2]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Evaluator.greedyOutputs(new Successor(), dense));
        assertTrue(e.getMessage().contains("token decoder inputs"), e.getMessage());
        Batch fewTokens = new Batch(Sequences.ids(1, 1, 3, new int[1]), Sequences.ids(1, 2, 3, new int[2]),
            Sequences.ids(1, 2, V, new int[2]));
        e = assertThrows(IllegalArgumentException.class, () -> Evaluator.greedyOutputs(new Successor(), fewTokens));
        assertTrue(e.getMessage().contains("5 classes and only 3 tokens"), e.getMessage());
    }

    static SequenceTask task(boolean greedy) {
        return new SequenceTask() {
            @Override
            public String id() {
                return "successor";
            }

            @Override
            public String description() {
                return "count up from the start token";
            }

            @Override
            public InputEncoding encoding() {
                return new InputEncoding.OneHot(V);
            }

            @Override
            public Topology topology() {
                return Topology.SEQ_TO_SEQ;
            }

            @Override
            public LossType loss() {
                return LossType.SOFTMAX_CE;
            }

            @Override
            public int outputs() {
                return V;
            }

            @Override
            public Metric primaryMetric() {
                return Metric.ACCURACY;
            }

            @Override
            public Map<String, Double> analyticChance() {
                return Map.of("accuracy", 1.0 / V);
            }

            @Override
            public Batch trainBatch(long seed, long step, int batchSize) {
                return batch();
            }

            @Override
            public List<Batch> evaluationSet(long seed, int batchSize) {
                return List.of(batch());
            }

            @Override
            public float[] chanceOutputs(Batch b) {
                return new float[b.target().batch() * b.target().time() * V];
            }

            @Override
            public boolean greedyDecoding() {
                return greedy;
            }
        };
    }
}
