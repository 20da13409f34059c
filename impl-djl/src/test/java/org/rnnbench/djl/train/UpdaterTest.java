package org.rnnbench.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.Comparison;
import org.rnnbench.djl.DjlEngine;
import org.rnnbench.djl.nn.Nd;

/**
 * The update rules on gradients of very different sizes, where the placement of Adam's epsilon matters, against
 * PyTorch's formulas in double precision; DJL's built-in Adam on the same gradients for contrast. Also pins down
 * why clipping is written here (DJL's {@code clipGrad} is a one-sided clamp) and why every backward is followed by
 * {@link Gradients#zero}: libtorch accumulates.
 */
class UpdaterTest {
    private static final float[] GRADIENT = {1e-3f, -2e-5f, 3e-7f, 0.5f};
    private static final float[] START = {0.1f, -0.2f, 0.3f, -0.4f};
    private static final double LR = 0.01;
    private static final int STEPS = 3;

    @Test
    void adamIsPyTorchsWithEpsilonAfterTheBiasCorrectedRootAndDjlsIsNot() {
        double[] expected = pyTorchAdam();
        Engine engine = DjlEngine.get(1);
        try (NDManager m = engine.newBaseManager()) {
            NDArray p = parameter(m);
            Updater updater = new Updater(TrainSpec.adam(LR, 1, STEPS, 0), m);
            for (int s = 0; s < STEPS; s++) {
                try (NDManager scope = m.newSubManager()) {
                    backward(engine, scope, p);
                    updater.update(scope, List.of(p));
                    Gradients.zero(List.of(p));
                }
            }
            Comparison.assertClose("rnnbench Adam after " + STEPS + " steps", p.toFloatArray(), expected, 1e-6);

            NDArray q = parameter(m);
            Optimizer djlAdam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) LR)).build();
            for (int s = 0; s < STEPS; s++) {
                try (NDManager scope = m.newSubManager()) {
                    djlAdam.update("q", q, Nd.values(scope, GRADIENT, GRADIENT.length));
                }
            }
            double[] moved = new double[GRADIENT.length];
            for (int i = 0; i < moved.length; i++) {
                moved[i] = (q.toFloatArray()[i] - START[i]) / (expected[i] - START[i]);
            }
            assertTrue(Math.abs(moved[2] - 1) > 0.2, "DJL's Adam moves the weight with gradient 3e-7 by "
                + moved[2] + " times PyTorch's step; about half (0.58) when DJL 0.36 was checked");
        }
    }

    @Test
    void djlsClipGradClampsEachGradientFromAboveOnlyWhereGlobalNormClippingScalesThemAll() {
        Engine engine = DjlEngine.get(1);
        try (NDManager m = engine.newBaseManager()) {
            float[] gradient = {5f, -5f};
            NDArray djl = Nd.values(m, new float[2], 2);
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1f)).optClipGrad(0.1f).build();
            sgd.update("w", djl, Nd.values(m, gradient, 2));
            assertArrayEquals(new float[] {-0.1f, 5f}, djl.toFloatArray(), 1e-6f,
                "DJL's clipGrad: 5 clamped to 0.1, -5 left alone");

            NDArray ours = Nd.values(m, new float[2], 2);
            ours.setRequiresGradient(true);
            try (NDManager scope = m.newSubManager()) {
                try (GradientCollector collector = engine.newGradientCollector()) {
                    collector.backward(Nd.values(scope, gradient, 2).mul(ours).sum());
                }
                new Updater(TrainSpec.sgd(1, 1, 1, 0).withClipNorm(0.1), m).update(scope, List.of(ours));
            }
            float scaled = (float) (0.1 / Math.sqrt(50));
            assertArrayEquals(new float[] {-5 * scaled, 5 * scaled}, ours.toFloatArray(), 1e-7f,
                "global-norm clipping scales the whole gradient to norm 0.1");
        }
    }

    @Test
    void libtorchAccumulatesGradientsUntilTheyAreZeroed() {
        Engine engine = DjlEngine.get(1);
        try (NDManager m = engine.newBaseManager()) {
            NDArray p = parameter(m);
            backward(engine, m, p);
            backward(engine, m, p);
            float[] twice = new float[GRADIENT.length];
            for (int i = 0; i < twice.length; i++) {
                twice[i] = 2 * GRADIENT[i];
            }
            assertArrayEquals(twice, Nd.scoped(m, p.getGradient()).toFloatArray(), 1e-12f, "two backwards, no zeroing");
            Gradients.zero(List.of(p));
            backward(engine, m, p);
            assertArrayEquals(GRADIENT, Nd.scoped(m, p.getGradient()).toFloatArray(), 1e-12f, "zeroed in between");
        }
    }

    private static NDArray parameter(NDManager m) {
        NDArray p = Nd.values(m, START.clone(), START.length);
        p.setRequiresGradient(true);
        return p;
    }

    // L = sum(p * GRADIENT), so dL/dp = GRADIENT
    private static void backward(Engine engine, NDManager scope, NDArray p) {
        try (GradientCollector collector = engine.newGradientCollector()) {
            collector.backward(Nd.values(scope, GRADIENT, GRADIENT.length).mul(p).sum());
        }
    }

    private static double[] pyTorchAdam() {
        double[] p = new double[START.length];
        for (int i = 0; i < p.length; i++) {
            double m = 0;
            double v = 0;
            p[i] = START[i];
            for (int t = 1; t <= STEPS; t++) {
                double g = GRADIENT[i];
                m = 0.9 * m + 0.1 * g;
                v = 0.999 * v + 0.001 * g * g;
                p[i] -= LR * (m / (1 - Math.pow(0.9, t))) / (Math.sqrt(v / (1 - Math.pow(0.999, t))) + 1e-8);
            }
        }
        return p;
    }
}
