package org.rnnbench.scratch.net;

import java.util.HashMap;
import java.util.Map;

import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;

/**
 * The canonical parameters laid end to end in one flat {@code float[]}, in {@link ParameterLayout} order, with the
 * offset of every named tensor. Parameters, gradients and Adam moments all use this one layout, so import and
 * export are plain copies and the optimizer is a single loop.
 */
public final class FlatLayout {
    private final ParameterLayout layout;
    private final Map<String, Integer> offsets = new HashMap<>();
    private final int size;

    /** Offsets for a layout. */
    public FlatLayout(ParameterLayout layout) {
        this.layout = layout;
        long at = 0;
        for (ParameterShape p : layout.parameters()) {
            offsets.put(p.name(), (int) at);
            at += p.size();
        }
        if (at > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the model has " + at
                + " parameters; the scratch backend holds at most " + (Integer.MAX_VALUE - 8) + " in one array");
        }
        this.size = (int) at;
    }

    /** The canonical layout. */
    public ParameterLayout layout() {
        return layout;
    }

    /** The number of floats, the canonical parameter count. */
    public int size() {
        return size;
    }

    /** True when the layout has a tensor of that name. */
    public boolean has(String name) {
        return offsets.containsKey(name);
    }

    /** Where the tensor {@code name} starts in the flat buffer. */
    public int offset(String name) {
        Integer at = offsets.get(name);
        if (at == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in the layout " + layout);
        }
        return at;
    }

    /**
     * Copies canonical weights into {@code flat}.
     *
     * @throws IllegalArgumentException naming the first missing, extra or misshapen tensor
     */
    public void copyIn(CanonicalWeights weights, float[] flat) {
        layout.check(weights.asMap(), "the imported weights");
        for (ParameterShape p : layout.parameters()) {
            float[] data = weights.data(p.name());
            System.arraycopy(data, 0, flat, offset(p.name()), data.length);
        }
    }

    /** A canonical copy of {@code flat}. */
    public CanonicalWeights copyOut(float[] flat) {
        float[] values = new float[size];
        System.arraycopy(flat, 0, values, 0, size);
        return CanonicalWeights.unflatten(layout, values);
    }
}
