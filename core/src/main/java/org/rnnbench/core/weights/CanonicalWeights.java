package org.rnnbench.core.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete set of canonical parameters (or of their gradients) for one {@link ParameterLayout}: every tensor
 * present with its exact shape, in layout order. This is what moves between backends, so that all of them start
 * from identical weights.
 */
public final class CanonicalWeights {
    private final ParameterLayout layout;
    private final Map<String, Tensor> tensors;

    /**
     * @throws IllegalArgumentException when the tensors do not match the layout exactly
     */
    public CanonicalWeights(ParameterLayout layout, Map<String, Tensor> tensors) {
        layout.check(tensors, "the weights");
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (ParameterShape p : layout.parameters()) {
            ordered.put(p.name(), tensors.get(p.name()));
        }
        this.layout = layout;
        this.tensors = Collections.unmodifiableMap(ordered);
    }

    /** All zeros. */
    public static CanonicalWeights zeros(ParameterLayout layout) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (ParameterShape p : layout.parameters()) {
            map.put(p.name(), Tensor.zeros(p.name(), p.shape()));
        }
        return new CanonicalWeights(layout, map);
    }

    /**
     * Reads a safetensors file and checks it against the layout.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is malformed or does not fit the layout
     */
    public static CanonicalWeights read(Path file, ParameterLayout layout) throws IOException {
        Map<String, Tensor> map = SafeTensors.read(file);
        layout.check(map, "the weights in " + file);
        return new CanonicalWeights(layout, map);
    }

    /** Writes the tensors as a safetensors file. */
    public void write(Path file) throws IOException {
        SafeTensors.write(file, tensors.values(), Map.of("format", "pt"));
    }

    /** The layout these weights fill. */
    public ParameterLayout layout() {
        return layout;
    }

    /** The tensor of a name. */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; known: " + tensors.keySet());
        }
        return t;
    }

    /** The values of a tensor (shared). */
    public float[] data(String name) {
        return get(name).data();
    }

    /** The tensors in layout order. */
    public Collection<Tensor> tensors() {
        return tensors.values();
    }

    /** The tensors by name, in layout order. */
    public Map<String, Tensor> asMap() {
        return tensors;
    }

    /** A deep copy. */
    public CanonicalWeights copy() {
        Map<String, Tensor> map = new LinkedHashMap<>();
        tensors.forEach((k, v) -> map.put(k, v.copy()));
        return new CanonicalWeights(layout, map);
    }

    /** All values concatenated in layout order. */
    public float[] flatten() {
        float[] flat = new float[Math.toIntExact(layout.totalSize())];
        int at = 0;
        for (Tensor t : tensors.values()) {
            System.arraycopy(t.data(), 0, flat, at, t.size());
            at += t.size();
        }
        return flat;
    }

    /** The inverse of {@link #flatten()}. */
    public static CanonicalWeights unflatten(ParameterLayout layout, float[] flat) {
        if (flat.length != layout.totalSize()) {
            throw new IllegalArgumentException("expected " + layout.totalSize() + " values, got " + flat.length);
        }
        Map<String, Tensor> map = new LinkedHashMap<>();
        int at = 0;
        for (ParameterShape p : layout.parameters()) {
            float[] data = new float[p.size()];
            System.arraycopy(flat, at, data, 0, data.length);
            at += data.length;
            map.put(p.name(), new Tensor(p.name(), p.shape(), data));
        }
        return new CanonicalWeights(layout, map);
    }

    /** True when any value is NaN or infinite. */
    public boolean hasNonFinite() {
        for (Tensor t : tensors.values()) {
            for (float v : t.data()) {
                if (!Float.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalWeights w && tensors.equals(w.tensors);
    }

    @Override
    public int hashCode() {
        return tensors.hashCode();
    }

    @Override
    public String toString() {
        return "CanonicalWeights" + layout;
    }
}
