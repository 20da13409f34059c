package org.rnnbench.djl.nn;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;

/**
 * NDArray helpers that keep every temporary in the caller's scope.
 *
 * <p>DJL attaches an operation's result to the manager of its first operand (its input's, for the internal
 * {@code linear} and {@code embedding}). An operation whose first operand is long-lived (a parameter, an optimizer
 * moment, {@code p.getGradient()}) therefore lands in the model's manager and lives until the model is closed:
 * such results go through {@link #scoped} so that they die with the step.
 */
public final class Nd {
    /** The one data type every array of this backend has. */
    public static final DataType FLOAT = DataType.FLOAT32;

    private Nd() {
    }

    /** Moves {@code a} into {@code scope} and returns it. */
    public static NDArray scoped(NDManager scope, NDArray a) {
        a.attach(scope);
        return a;
    }

    /** {@code x W^T + b} over the last axis (torch {@code linear}); the result belongs to x's manager. */
    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
    }

    /**
     * The rows of a sequence at one step per batch entry.
     *
     * @param seq   (B, T, H)
     * @param steps (B) step of each sequence
     * @return (B, 1, H)
     */
    public static NDArray atSteps(NDManager scope, NDArray seq, long[] steps) {
        long hidden = seq.getShape().get(2);
        NDArray index = scope.create(steps, new Shape(steps.length, 1, 1))
            .broadcast(new Shape(steps.length, 1, hidden));
        return seq.gather(index, 1);
    }

    /** The value of a one-element array. */
    public static double scalar(NDArray a) {
        return a.toFloatArray()[0];
    }

    /** Zeros of the backend's data type in {@code scope}. */
    public static NDArray zeros(NDManager scope, long... shape) {
        return scope.zeros(new Shape(shape), FLOAT);
    }

    /** A zero parameter of {@code shape} in {@code manager}, requiring a gradient. */
    public static NDArray parameter(NDManager manager, long... shape) {
        NDArray a = manager.zeros(new Shape(shape), FLOAT);
        a.setRequiresGradient(true);
        return a;
    }

    /**
     * Zero parameters (requiring gradients) for every tensor of a stack's canonical layout, by name in layout order,
     * in {@code manager}: the arrays of a stack built from NDArray operations.
     */
    public static Map<String, NDArray> canonicalParameters(NDManager manager, CellSpec cell) {
        Map<String, NDArray> map = new LinkedHashMap<>();
        for (ParameterShape p : ParameterLayout.of(cell).parameters()) {
            map.put(p.name(), parameter(manager, Arrays.stream(p.shape()).asLongStream().toArray()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The number of values of the arrays. */
    public static long size(Map<String, NDArray> arrays) {
        long n = 0;
        for (NDArray a : arrays.values()) {
            n += a.size();
        }
        return n;
    }

    /** Copies {@code values} into an array of {@code shape} in {@code scope}. */
    public static NDArray values(NDManager scope, float[] values, long... shape) {
        return scope.create(values, new Shape(shape));
    }
}
