package org.rnnbench.core.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;

/** The initialisation schemes: deterministic from the seed, with the bounds, spreads and structure Init states. */
class InitializerTest {
    static final int I = 32;
    static final int H = 64;
    static final ModelSpec SPEC = new ModelSpec(new InputEncoding.Embedding(50, I), CellType.LSTM, H, 2,
        Topology.SEQ_TO_SEQ, 10, LossType.SOFTMAX_CE);

    static CanonicalWeights init(Init scheme) {
        return Initializer.initialize(SPEC, scheme, 7);
    }

    static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double mean(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }

    static double std(float[] a) {
        double m = mean(a);
        double s = 0;
        for (float v : a) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / a.length);
    }

    /** Uniform on [-bound, bound]: inside it, reaching close to it, std bound/sqrt(3). */
    static void assertUniform(String what, float[] a, double bound) {
        assertTrue(maxAbs(a) <= bound * (1 + 1e-6), what + ": max " + maxAbs(a) + " above " + bound);
        assertTrue(maxAbs(a) > 0.95 * bound, what + ": max " + maxAbs(a) + " far below " + bound);
        assertEquals(bound / Math.sqrt(3), std(a), 0.06 * bound / Math.sqrt(3), what + ": std");
    }

    static void assertNormal(String what, float[] a, double sigma) {
        assertEquals(0, mean(a), 4 * sigma / Math.sqrt(a.length), what + ": mean");
        assertEquals(sigma, std(a), 0.05 * sigma, what + ": std");
    }

    static void assertZero(String what, float[] a) {
        assertEquals(0, maxAbs(a), 0.0, what + " must be 0");
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOtherWeights() {
        for (Init scheme : Init.values()) {
            assertEquals(Initializer.initialize(SPEC, scheme, 3), Initializer.initialize(SPEC, scheme, 3));
            assertNotEquals(Initializer.initialize(SPEC, scheme, 3), Initializer.initialize(SPEC, scheme, 4));
        }
    }

    @Test
    void pytorchSchemeIsUniformInOneOverRootHiddenAndEmbeddingIsStandardNormal() {
        CanonicalWeights w = init(Init.PYTORCH);
        double bound = 1 / Math.sqrt(H);
        for (String name : new String[] {"weight_ih_l0", "weight_hh_l1", "bias_ih_l0", "decoder.weight_hh_l0",
            "head.weight"}) {
            assertUniform(name, w.data(name), bound);
        }
        assertTrue(maxAbs(w.data("head.bias")) <= bound);
        assertNormal("embedding", w.data("embedding.weight"), 1);
    }

    @Test
    void xavierIsGlorotUniformPerGateBlockWithZeroBiases() {
        CanonicalWeights w = init(Init.XAVIER);
        assertUniform("weight_ih_l0", w.data("weight_ih_l0"), Math.sqrt(6.0 / (I + H)));
        assertUniform("weight_ih_l1", w.data("weight_ih_l1"), Math.sqrt(6.0 / (H + H)));
        assertUniform("weight_hh_l0", w.data("weight_hh_l0"), Math.sqrt(6.0 / (H + H)));
        assertUniform("head.weight", w.data("head.weight"), Math.sqrt(6.0 / (H + 10)));
        assertZero("bias_ih_l0", w.data("bias_ih_l0"));
        assertZero("head.bias", w.data("head.bias"));
        assertNormal("embedding", w.data("embedding.weight"), 1);
    }

    @Test
    void kaimingIsHeNormalOnTheFanIn() {
        CanonicalWeights w = init(Init.KAIMING);
        assertNormal("weight_ih_l0", w.data("weight_ih_l0"), Math.sqrt(2.0 / I));
        assertNormal("weight_hh_l0", w.data("weight_hh_l0"), Math.sqrt(2.0 / H));
        assertNormal("head.weight", w.data("head.weight"), Math.sqrt(2.0 / H));
        assertZero("bias_hh_l1", w.data("bias_hh_l1"));
    }

    @Test
    void orthogonalGateBlocksAreOrthogonalAndDiffer() {
        CanonicalWeights w = init(Init.ORTHOGONAL);
        float[] whh = w.data("weight_hh_l0");
        for (int g = 0; g < 4; g++) {
            for (int a = 0; a < H; a++) {
                for (int b = 0; b < H; b++) {
                    double dotRows = 0;
                    double dotCols = 0;
                    for (int k = 0; k < H; k++) {
                        dotRows += (double) whh[(g * H + a) * H + k] * whh[(g * H + b) * H + k];
                        dotCols += (double) whh[(g * H + k) * H + a] * whh[(g * H + k) * H + b];
                    }
                    assertEquals(a == b ? 1 : 0, dotRows, 1e-5, "block " + g + " Q Q^T (" + a + ", " + b + ")");
                    assertEquals(a == b ? 1 : 0, dotCols, 1e-5, "block " + g + " Q^T Q (" + a + ", " + b + ")");
                }
            }
        }
        assertNotEquals(whh[0], whh[H * H], "each gate block is drawn separately");
        assertUniform("weight_ih_l0", w.data("weight_ih_l0"), Math.sqrt(6.0 / (I + H)));
        assertZero("bias_ih_l0", w.data("bias_ih_l0"));
    }

    @Test
    void identityGateBlocksAreIdentitiesWithTinyInputWeights() {
        CanonicalWeights w = init(Init.IDENTITY);
        for (String name : new String[] {"weight_hh_l0", "weight_hh_l1", "decoder.weight_hh_l0"}) {
            float[] whh = w.data(name);
            for (int g = 0; g < 4; g++) {
                for (int a = 0; a < H; a++) {
                    for (int b = 0; b < H; b++) {
                        assertEquals(a == b ? 1f : 0f, whh[(g * H + a) * H + b], name + " block " + g);
                    }
                }
            }
        }
        assertNormal("weight_ih_l0", w.data("weight_ih_l0"), 0.001);
        assertZero("bias_hh_l0", w.data("bias_hh_l0"));
        assertUniform("head.weight", w.data("head.weight"), Math.sqrt(6.0 / (H + 10)));
    }

    @Test
    void parseNamesTheKnownSchemes() {
        assertEquals(Init.ORTHOGONAL, Init.parse(" Orthogonal "));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Init.parse("glorot"));
        assertTrue(e.getMessage().contains("'glorot'") && e.getMessage().contains("xavier"), e.getMessage());
    }
}
