package org.rnnbench.dl4j.params;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies between row-major float arrays and INDArrays of any order, rank or view. */
public final class NativeArrays {
    private NativeArrays() {
    }

    /** The values of {@code a} in row-major order of its shape. */
    public static float[] read(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** Writes row-major {@code values} into {@code target} (a view is written through). */
    public static void write(INDArray target, float[] values) {
        if (values.length != target.length()) {
            throw new IllegalArgumentException("cannot write " + values.length + " values into an array of shape "
                + Arrays.toString(target.shape()) + " (" + target.length() + " values)");
        }
        target.assign(Nd4j.create(values, target.shape(), 'c').castTo(target.dataType()));
    }
}
