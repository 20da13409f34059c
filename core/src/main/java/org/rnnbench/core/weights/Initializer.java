package org.rnnbench.core.weights;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;

/**
 * Makes canonical weights from a seed with one of the {@link Init} schemes. The random stream is
 * {@link SplittableRandom} (its algorithm is specified, so the same seed gives the same weights on every JDK),
 * drawn parameter by parameter in layout order; normals use Box-Muller.
 */
public final class Initializer {
    private final Init scheme;
    private final SplittableRandom random;
    private double spareNormal = Double.NaN;

    private Initializer(Init scheme, long seed) {
        this.scheme = scheme;
        this.random = new SplittableRandom(seed);
    }

    /** Initial weights of a whole model. */
    public static CanonicalWeights initialize(ModelSpec spec, Init scheme, long seed) {
        return new Initializer(scheme, seed).fill(ParameterLayout.of(spec), spec.hiddenSize(), spec.cell().gates());
    }

    /** Initial weights of a recurrent stack alone (a PyTorch module's state_dict). */
    public static CanonicalWeights initialize(CellSpec spec, Init scheme, long seed) {
        return new Initializer(scheme, seed).fill(ParameterLayout.of(spec), spec.hiddenSize(), spec.cell().gates());
    }

    private CanonicalWeights fill(ParameterLayout layout, int hidden, int gates) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (ParameterShape p : layout.parameters()) {
            float[] data = new float[p.size()];
            String local = p.name().startsWith(ParameterLayout.DECODER)
                ? p.name().substring(ParameterLayout.DECODER.length()) : p.name();
            int[] s = p.shape();
            if (local.equals(ParameterLayout.EMBEDDING)) {
                normal(data, 1.0);
            } else if (local.equals(ParameterLayout.HEAD_WEIGHT)) {
                head(data, s[0], s[1]);
            } else if (local.equals(ParameterLayout.HEAD_BIAS)) {
                if (scheme == Init.PYTORCH) {
                    uniform(data, 1.0 / Math.sqrt(hidden));
                }
            } else if (local.startsWith("weight_ih")) {
                inputWeight(data, gates, hidden, s[1]);
            } else if (local.startsWith("weight_hh")) {
                recurrentWeight(data, gates, hidden);
            } else if (local.startsWith("bias")) {
                if (scheme == Init.PYTORCH) {
                    uniform(data, 1.0 / Math.sqrt(hidden));
                }
            } else {
                throw new IllegalStateException("no initialisation rule for parameter " + p.name());
            }
            map.put(p.name(), new Tensor(p.name(), s, data));
        }
        return new CanonicalWeights(layout, map);
    }

    private void head(float[] w, int out, int in) {
        switch (scheme) {
            case PYTORCH -> uniform(w, 1.0 / Math.sqrt(in));
            case KAIMING -> normal(w, Math.sqrt(2.0 / in));
            default -> uniform(w, Math.sqrt(6.0 / (in + out)));
        }
    }

    // w is (G*H, I): G blocks of (H, I)
    private void inputWeight(float[] w, int gates, int hidden, int input) {
        switch (scheme) {
            case PYTORCH -> uniform(w, 1.0 / Math.sqrt(hidden));
            case KAIMING -> normal(w, Math.sqrt(2.0 / input));
            case IDENTITY -> normal(w, 0.001);
            default -> uniform(w, Math.sqrt(6.0 / (input + hidden)));
        }
    }

    // w is (G*H, H): G blocks of (H, H)
    private void recurrentWeight(float[] w, int gates, int hidden) {
        switch (scheme) {
            case PYTORCH -> uniform(w, 1.0 / Math.sqrt(hidden));
            case XAVIER -> uniform(w, Math.sqrt(6.0 / (2.0 * hidden)));
            case KAIMING -> normal(w, Math.sqrt(2.0 / hidden));
            case ORTHOGONAL -> {
                for (int g = 0; g < gates; g++) {
                    float[] q = Orthogonal.random(hidden, this::nextNormal);
                    System.arraycopy(q, 0, w, g * hidden * hidden, q.length);
                }
            }
            case IDENTITY -> {
                for (int g = 0; g < gates; g++) {
                    for (int j = 0; j < hidden; j++) {
                        w[(g * hidden + j) * hidden + j] = 1f;
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled scheme " + scheme);
        }
    }

    private void uniform(float[] w, double bound) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
    }

    private void normal(float[] w, double std) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (nextNormal() * std);
        }
    }

    private double nextNormal() {
        if (!Double.isNaN(spareNormal)) {
            double v = spareNormal;
            spareNormal = Double.NaN;
            return v;
        }
        double u1 = 1.0 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        double r = Math.sqrt(-2 * Math.log(u1));
        spareNormal = r * Math.sin(2 * Math.PI * u2);
        return r * Math.cos(2 * Math.PI * u2);
    }
}
