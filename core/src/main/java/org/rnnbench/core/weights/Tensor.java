package org.rnnbench.core.weights;

import java.util.Arrays;

/**
 * A named float32 tensor in row-major (C) order, as stored in a safetensors file or a PyTorch state_dict.
 * The data array is shared, not copied: callers that keep a tensor must not mutate its data afterwards.
 */
public final class Tensor {
    private final String name;
    private final int[] shape;
    private final float[] data;

    /**
     * @throws IllegalArgumentException when the shape's product differs from the data length
     */
    public Tensor(String name, int[] shape, float[] data) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a tensor needs a name");
        }
        long size = size(shape);
        if (size != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(shape)
                + " (" + size + " values) but " + data.length + " values");
        }
        this.name = name;
        this.shape = shape.clone();
        this.data = data;
    }

    /** A zero tensor. */
    public static Tensor zeros(String name, int... shape) {
        return new Tensor(name, shape, new float[Math.toIntExact(size(shape))]);
    }

    /** The number of elements of a shape; negative dimensions are rejected. */
    public static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        return n;
    }

    /** The name, e.g. {@code weight_ih_l0}. */
    public String name() {
        return name;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Dimension {@code i} of the shape. */
    public int dim(int i) {
        return shape[i];
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The values, row-major; shared, not copied. */
    public float[] data() {
        return data;
    }

    /** The number of values. */
    public int size() {
        return data.length;
    }

    /** True when the shapes are equal. */
    public boolean sameShape(int[] other) {
        return Arrays.equals(shape, other);
    }

    /** A deep copy under another name. */
    public Tensor renamed(String newName) {
        return new Tensor(newName, shape, data.clone());
    }

    /** A deep copy. */
    public Tensor copy() {
        return renamed(name);
    }

    /** The shape as text, e.g. {@code [512, 32]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
            && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return name + shapeText();
    }
}
