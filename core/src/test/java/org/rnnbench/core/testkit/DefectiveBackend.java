package org.rnnbench.core.testkit;

import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.ForwardResult;
import org.rnnbench.core.backend.GradientResult;
import org.rnnbench.core.backend.SequenceModel;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Batch;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Optimizer;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;

/**
 * A deliberately broken backend for testing the contract suite: the reference with one mistake of the kind a real
 * backend makes, applied from outside (weights permuted on import, batches altered, the train spec changed, an
 * update rule redone by hand). The suite must fail on each.
 */
final class DefectiveBackend implements Backend {

    /** The mistakes. */
    enum Defect {
        /** LSTM gates read as [f, i, g, o] (GRU as [z, r, n]): rows of blocks 0 and 1 swapped on import. */
        GATE_ORDER,
        /** A single-bias framework folding GRU b_hn into b_in, which is not the same function. */
        GRU_BIAS_FOLDED,
        /** Adam without bias correction. */
        ADAM_WITHOUT_BIAS_CORRECTION,
        /** RMSprop with epsilon inside the root ({@code sqrt(v + eps)}, TensorFlow's form), not PyTorch's. */
        RMSPROP_EPSILON_INSIDE_ROOT,
        /** The loss ignores target lengths. */
        MASK_IGNORED,
        /** Many-to-one reads step 0 instead of each sequence's last valid step. */
        READS_FIRST_STEP,
        /** The decoder starts from the encoder's state at the last padded step. */
        DECODER_FROM_PADDING,
        /** Global-norm clipping ignored. */
        CLIP_IGNORED,
        /** Truncated BPTT run as full BPTT. */
        TBPTT_IGNORED,
        /** SGD with a learning rate 1% too large. */
        LEARNING_RATE_OFF_BY_ONE_PERCENT,
        /** Hidden-state gradient norms one step late. */
        HIDDEN_NORMS_SHIFTED,
        /** The stack probe's input gradient 0.1% too large. */
        PROBE_INPUT_GRADIENT_SCALED,
        /** Every second model created returns losses one ulp off: not reproducible. */
        NOT_REPRODUCIBLE,
        /** trainStep throws when the loss is NaN. */
        THROWS_ON_NAN,
        /** An empty reason for encoder-decoder models. */
        BLANK_REASON,
        /** close() frees nothing and the model goes on computing. */
        USABLE_AFTER_CLOSE,
        /** Models of one spec share their parameters (a cache keyed by spec), so two live models interfere. */
        MODELS_SHARE_WEIGHTS
    }

    private final Defect defect;
    private final ReferenceBackend reference = new ReferenceBackend();
    private int created;
    private final Map<ModelSpec, ReferenceModel> shared = new java.util.concurrent.ConcurrentHashMap<>();

    DefectiveBackend(Defect defect) {
        this.defect = defect;
    }

    @Override
    public String id() {
        return "defective:" + defect.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String description() {
        return "the reference with the defect " + defect;
    }

    @Override
    public Map<String, String> versions() {
        return Map.of();
    }

    @Override
    public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
        if (defect == Defect.BLANK_REASON && model.topology() == Topology.SEQ_TO_SEQ) {
            return Optional.of("");
        }
        return reference.unsupportedReason(model, train);
    }

    @Override
    public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
        if (unsupportedReason(model, train).isPresent()) {
            throw new IllegalArgumentException("unsupported");
        }
        TrainSpec inner = switch (defect) {
            case CLIP_IGNORED -> train.withClipNorm(0);
            case TBPTT_IGNORED -> train.withTbptt(0);
            case LEARNING_RATE_OFF_BY_ONE_PERCENT -> new TrainSpec(train.optimizer(), train.learningRate() * 1.01,
                train.clipNorm(), train.tbptt(), train.batchSize(), train.steps(), train.seed());
            default -> train;
        };
        created++;
        ReferenceModel ref = defect == Defect.MODELS_SHARE_WEIGHTS
            ? shared.computeIfAbsent(model, m -> new ReferenceModel(m, inner)) : new ReferenceModel(model, inner);
        return new Model(ref, train, created % 2 == 0);
    }

    @Override
    public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
        StackProbe p = reference.probeStack(cell, weights, input);
        if (defect != Defect.PROBE_INPUT_GRADIENT_SCALED) {
            return p;
        }
        float[] dx = p.inputGradient().clone();
        for (int i = 0; i < dx.length; i++) {
            dx[i] *= 1.001f;
        }
        return new StackProbe(p.output(), p.hN(), p.cN(), dx, p.weightGradients());
    }

    private final class Model implements SequenceModel {
        private final ReferenceModel inner;
        private final TrainSpec train;
        private final boolean second;
        private CanonicalWeights adamM;
        private CanonicalWeights adamV;
        private int adamStep;

        Model(ReferenceModel inner, TrainSpec train, boolean second) {
            this.inner = inner;
            this.train = train;
            this.second = second;
        }

        @Override
        public ModelSpec spec() {
            return inner.spec();
        }

        @Override
        public TrainSpec trainSpec() {
            return train;
        }

        @Override
        public void importWeights(CanonicalWeights weights) {
            adamM = null;
            adamV = null;
            adamStep = 0;
            CanonicalWeights w = weights.copy();
            if (defect == Defect.GATE_ORDER) {
                swapFirstTwoGates(w);
            }
            if (defect == Defect.GRU_BIAS_FOLDED && spec().cell() == CellType.GRU) {
                for (ParameterShape p : w.layout().parameters()) {
                    if (p.name().contains("bias_ih_l")) {
                        float[] bIh = w.data(p.name());
                        float[] bHh = w.data(p.name().replace("bias_ih_l", "bias_hh_l"));
                        for (int j = 0; j < bIh.length; j++) {
                            bIh[j] += bHh[j];
                            bHh[j] = 0;
                        }
                    }
                }
            }
            inner.importWeights(w);
        }

        @Override
        public CanonicalWeights exportWeights() {
            CanonicalWeights w = inner.exportWeights();
            if (defect == Defect.GATE_ORDER) {
                swapFirstTwoGates(w);
            }
            return w;
        }

        private void swapFirstTwoGates(CanonicalWeights w) {
            int hidden = spec().hiddenSize();
            for (ParameterShape p : w.layout().parameters()) {
                String n = p.name();
                if (!(n.contains("weight_ih_l") || n.contains("weight_hh_l") || n.contains("bias_"))
                    || spec().cell().gates() == 1) {
                    continue;
                }
                float[] d = w.data(n);
                int rowSize = d.length / (spec().cell().gates() * hidden);
                int block = hidden * rowSize;
                for (int i = 0; i < block; i++) {
                    float t = d[i];
                    d[i] = d[block + i];
                    d[block + i] = t;
                }
            }
        }

        private Batch alter(Batch b) {
            return switch (defect) {
                case MASK_IGNORED -> new Batch(b.input(), b.decoderInput(),
                    b.target().withLengths(full(b.target().batch(), b.target().time())));
                case READS_FIRST_STEP, DECODER_FROM_PADDING -> {
                    int len = defect == Defect.READS_FIRST_STEP ? 1 : b.input().time();
                    int[] lengths = new int[b.size()];
                    java.util.Arrays.fill(lengths, len);
                    yield new Batch(b.input().withLengths(lengths), b.decoderInput(), b.target());
                }
                default -> b;
            };
        }

        private int[] full(int batch, int time) {
            int[] lengths = new int[batch];
            java.util.Arrays.fill(lengths, time);
            return lengths;
        }

        @Override
        public double trainStep(Batch batch) {
            double loss;
            if (defect == Defect.ADAM_WITHOUT_BIAS_CORRECTION && train.optimizer() == Optimizer.ADAM) {
                loss = adamWithoutCorrection(batch);
            } else if (defect == Defect.RMSPROP_EPSILON_INSIDE_ROOT && train.optimizer() == Optimizer.RMSPROP) {
                loss = rmspropEpsilonInsideRoot(batch);
            } else {
                loss = inner.trainStep(alter(batch));
            }
            if (defect == Defect.THROWS_ON_NAN && Double.isNaN(loss)) {
                throw new ArithmeticException("the loss is NaN");
            }
            return defect == Defect.NOT_REPRODUCIBLE && second ? Math.nextUp(loss) : loss;
        }

        private double adamWithoutCorrection(Batch batch) {
            GradientResult g = inner.gradients(batch);
            CanonicalWeights w = inner.exportWeights();
            if (adamM == null) {
                adamM = CanonicalWeights.zeros(w.layout());
                adamV = CanonicalWeights.zeros(w.layout());
            }
            adamStep++;
            for (ParameterShape p : w.layout().parameters()) {
                float[] pw = w.data(p.name());
                float[] pg = g.gradients().data(p.name());
                float[] m = adamM.data(p.name());
                float[] v = adamV.data(p.name());
                for (int i = 0; i < pw.length; i++) {
                    m[i] = (float) (0.9 * m[i] + 0.1 * pg[i]);
                    v[i] = (float) (0.999 * v[i] + 0.001 * pg[i] * pg[i]);
                    pw[i] -= (float) (train.learningRate() * m[i] / (Math.sqrt(v[i]) + 1e-8));
                }
            }
            inner.importWeights(w);
            return g.loss();
        }

        private double rmspropEpsilonInsideRoot(Batch batch) {
            GradientResult g = inner.gradients(batch);
            CanonicalWeights w = inner.exportWeights();
            if (adamV == null) {
                adamV = CanonicalWeights.zeros(w.layout());
            }
            for (ParameterShape p : w.layout().parameters()) {
                float[] pw = w.data(p.name());
                float[] pg = g.gradients().data(p.name());
                float[] v = adamV.data(p.name());
                for (int i = 0; i < pw.length; i++) {
                    v[i] = (float) (0.99 * v[i] + 0.01 * pg[i] * pg[i]);
                    pw[i] -= (float) (train.learningRate() * pg[i] / Math.sqrt(v[i] + 1e-8));
                }
            }
            inner.importWeights(w);
            return g.loss();
        }

        @Override
        public ForwardResult forward(Batch batch) {
            return inner.forward(alter(batch));
        }

        @Override
        public GradientResult gradients(Batch batch) {
            return inner.gradients(alter(batch));
        }

        @Override
        public double[] hiddenGradientNorms(Batch batch) {
            double[] norms = inner.hiddenGradientNorms(alter(batch));
            if (defect == Defect.HIDDEN_NORMS_SHIFTED) {
                double[] shifted = new double[norms.length];
                System.arraycopy(norms, 0, shifted, 1, norms.length - 1);
                return shifted;
            }
            return norms;
        }

        @Override
        public long canonicalParameterCount() {
            return inner.canonicalParameterCount();
        }

        @Override
        public long nativeParameterCount() {
            return ParameterLayout.of(spec()).totalSize();
        }

        @Override
        public void close() {
            if (defect != Defect.USABLE_AFTER_CLOSE && defect != Defect.MODELS_SHARE_WEIGHTS) {
                inner.close();
            }
        }
    }
}
