package org.rnnbench.core.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;
import org.rnnbench.core.weights.Tensor;

/**
 * Canonical parameters (or gradients) in double precision: one {@code double[]} per tensor, row-major, in layout
 * order. The arrays are mutable on purpose: the reference accumulates gradients into them and
 * {@link FiniteDifferences} perturbs them in place.
 */
public final class ReferenceWeights {
    private final ParameterLayout layout;
    private final Map<String, double[]> values;

    private ReferenceWeights(ParameterLayout layout, Map<String, double[]> values) {
        this.layout = layout;
        this.values = values;
    }

    /** All zeros. */
    public static ReferenceWeights zeros(ParameterLayout layout) {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (ParameterShape p : layout.parameters()) {
            map.put(p.name(), new double[p.size()]);
        }
        return new ReferenceWeights(layout, map);
    }

    /** The float weights widened to double. */
    public static ReferenceWeights of(CanonicalWeights weights) {
        ReferenceWeights w = zeros(weights.layout());
        for (ParameterShape p : weights.layout().parameters()) {
            float[] from = weights.data(p.name());
            double[] to = w.get(p.name());
            for (int i = 0; i < from.length; i++) {
                to[i] = from[i];
            }
        }
        return w;
    }

    /** Rounded to float canonical weights. */
    public CanonicalWeights toCanonical() {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (ParameterShape p : layout.parameters()) {
            double[] from = values.get(p.name());
            float[] to = new float[from.length];
            for (int i = 0; i < from.length; i++) {
                to[i] = (float) from[i];
            }
            map.put(p.name(), new Tensor(p.name(), p.shape(), to));
        }
        return new CanonicalWeights(layout, map);
    }

    /** The layout. */
    public ParameterLayout layout() {
        return layout;
    }

    /** The values of a tensor (shared, mutable). */
    public double[] get(String name) {
        double[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; known: " + values.keySet());
        }
        return v;
    }

    /** Every tensor by name, in layout order (arrays shared). */
    public Map<String, double[]> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Views of layer k of the stack whose names start with {@code prefix} ("" or "decoder."). */
    public LayerWeights layer(CellSpec cell, String prefix, int k) {
        boolean recurrent = cell.cell().hasRecurrentWeights();
        return new LayerWeights(cell.layerInputSize(k), cell.hiddenSize(), cell.cell().gates(),
            get(prefix + ParameterLayout.weightIh(k)), recurrent ? get(prefix + ParameterLayout.weightHh(k)) : null,
            get(prefix + ParameterLayout.biasIh(k)), recurrent ? get(prefix + ParameterLayout.biasHh(k)) : null);
    }

    /** A deep copy. */
    public ReferenceWeights copy() {
        Map<String, double[]> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, v.clone()));
        return new ReferenceWeights(layout, map);
    }

    /** The L2 norm over every value of every tensor. */
    public double norm() {
        double sum = 0;
        for (double[] v : values.values()) {
            for (double x : v) {
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    /** Multiplies every value by {@code factor}. */
    public void scale(double factor) {
        for (double[] v : values.values()) {
            for (int i = 0; i < v.length; i++) {
                v[i] *= factor;
            }
        }
    }
}
