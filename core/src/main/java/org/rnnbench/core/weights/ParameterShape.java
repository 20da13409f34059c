package org.rnnbench.core.weights;

import java.util.Arrays;

/**
 * The name and shape of one canonical parameter.
 *
 * @param name  PyTorch-style name, e.g. {@code weight_hh_l1}
 * @param shape its dimensions, e.g. {@code [512, 128]}
 */
public record ParameterShape(String name, int[] shape) {

    /** Copies the shape. */
    public ParameterShape {
        shape = shape.clone();
    }

    /** The number of values. */
    public int size() {
        return Math.toIntExact(Tensor.size(shape));
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterShape p && name.equals(p.name) && Arrays.equals(shape, p.shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
