package org.rnnbench.dl4j.params;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Tensor;

/**
 * One canonical matrix or vector in one native array, as it is or transposed: an embedding (V, D) as is, a head
 * weight (O, H) stored as DL4J's (H, O), a head bias (O) as a (1, O) row.
 */
public final class DirectBinding implements Binding {
    private final String canonical;
    private final int[] shape;
    private final NativeTensor tensor;
    private final boolean transposed;

    /**
     * @param canonical  canonical name
     * @param shape      canonical shape (rank 1 or 2)
     * @param nativeName native name
     * @param array      the native array: canonical shape, its transpose when {@code transposed}, or any shape with
     *                   the same number of values for a vector
     * @param transposed true when the native array holds the transpose of a canonical matrix
     */
    public DirectBinding(String canonical, int[] shape, String nativeName, INDArray array, boolean transposed) {
        this.canonical = canonical;
        this.shape = shape.clone();
        this.tensor = new NativeTensor(nativeName, array, 1);
        this.transposed = transposed;
    }

    @Override
    public void load(CanonicalWeights weights) {
        float[] v = weights.data(canonical);
        NativeArrays.write(tensor.array(), transposed ? transpose(v, shape[0], shape[1]) : v);
    }

    @Override
    public void store(Map<String, Tensor> out) {
        out.put(canonical, new Tensor(canonical, shape, fromNative(NativeArrays.read(tensor.array()))));
    }

    @Override
    public void storeGradients(Map<String, INDArray> nativeGradients, Map<String, Tensor> out) {
        INDArray g = nativeGradients.get(tensor.name());
        float[] v = g == null ? new float[(int) tensor.array().length()] : fromNative(NativeArrays.read(g));
        out.put(canonical, new Tensor(canonical, shape, v));
    }

    @Override
    public List<NativeTensor> tensors() {
        return List.of(tensor);
    }

    private float[] fromNative(float[] v) {
        return transposed ? transpose(v, shape[1], shape[0]) : v;
    }

    /** The transpose of a row-major (rows, cols) matrix. */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        // m is (rows, cols), t is (cols, rows)
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
