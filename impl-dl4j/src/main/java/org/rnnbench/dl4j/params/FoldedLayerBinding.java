package org.rnnbench.dl4j.params;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.Tensor;

/**
 * One recurrent layer in the single-bias, input-major layout of DL4J's classic layers and of SameDiff's fused
 * {@code gru} op: {@code W (I, G*H) = W_ih^T}, {@code RW (H, G*H) = W_hh^T}, one bias {@code b (G*H) = b_ih + b_hh},
 * with the gate blocks of the columns in the framework's order. Native column block q holds canonical gate block
 * {@code order[q]}; DL4J's LSTM has blocks [g, f, o, i], i.e. {@code order = {2, 1, 3, 0}} of canonical [i, f, g, o].
 *
 * <p>On export the single bias becomes {@code bias_ih} and {@code bias_hh} is zero: a canonical set that computes the
 * same function. Gradients of both canonical biases are the native bias gradient.
 */
public final class FoldedLayerBinding implements Binding {
    /** DL4J's classic LSTM: column blocks [g, f, o, i] of canonical [i, f, g, o]. */
    public static final int[] DL4J_LSTM_ORDER = {2, 1, 3, 0};

    private final String wIh;
    private final String wHh;
    private final String bIh;
    private final String bHh;
    private final int input;
    private final int hidden;
    private final int[] order;
    private final NativeTensor w;
    private final NativeTensor rw;
    private final NativeTensor b;

    /**
     * @param prefix  canonical name prefix ({@code ""} or {@code "decoder."})
     * @param k       layer index
     * @param input   I_k
     * @param hidden  H
     * @param order   canonical gate block of each native column block (identity for the same order)
     * @param names   native names of W, RW and b
     * @param arrays  the native W (I, G*H), RW (H, G*H) and b (G*H values in any shape)
     */
    public FoldedLayerBinding(String prefix, int k, int input, int hidden, int[] order, String[] names,
                              INDArray[] arrays) {
        this.wIh = prefix + ParameterLayout.weightIh(k);
        this.wHh = prefix + ParameterLayout.weightHh(k);
        this.bIh = prefix + ParameterLayout.biasIh(k);
        this.bHh = prefix + ParameterLayout.biasHh(k);
        this.input = input;
        this.hidden = hidden;
        this.order = order.clone();
        this.w = new NativeTensor(names[0], arrays[0], 1);
        this.rw = new NativeTensor(names[1], arrays[1], 1);
        this.b = new NativeTensor(names[2], arrays[2], 2);
    }

    /** The identity gate order for {@code gates} blocks. */
    public static int[] sameOrder(int gates) {
        int[] o = new int[gates];
        for (int q = 0; q < gates; q++) {
            o[q] = q;
        }
        return o;
    }

    @Override
    public void load(CanonicalWeights weights) {
        NativeArrays.write(w.array(), toNative(weights.data(wIh), input));
        NativeArrays.write(rw.array(), toNative(weights.data(wHh), hidden));
        float[] bi = weights.data(bIh);
        float[] bh = weights.data(bHh);
        float[] sum = new float[bi.length];
        for (int r = 0; r < sum.length; r++) {
            sum[r] = bi[r] + bh[r];
        }
        NativeArrays.write(b.array(), permuteToNative(sum));
    }

    @Override
    public void store(Map<String, Tensor> out) {
        int rows = order.length * hidden;
        out.put(wIh, new Tensor(wIh, new int[] {rows, input}, toCanonical(NativeArrays.read(w.array()), input)));
        out.put(wHh, new Tensor(wHh, new int[] {rows, hidden}, toCanonical(NativeArrays.read(rw.array()), hidden)));
        out.put(bIh, new Tensor(bIh, new int[] {rows}, permuteToCanonical(NativeArrays.read(b.array()))));
        out.put(bHh, Tensor.zeros(bHh, rows));
    }

    @Override
    public void storeGradients(Map<String, INDArray> g, Map<String, Tensor> out) {
        int rows = order.length * hidden;
        out.put(wIh, new Tensor(wIh, new int[] {rows, input}, toCanonical(values(g, w), input)));
        out.put(wHh, new Tensor(wHh, new int[] {rows, hidden}, toCanonical(values(g, rw), hidden)));
        float[] db = permuteToCanonical(values(g, b));
        out.put(bIh, new Tensor(bIh, new int[] {rows}, db));
        out.put(bHh, new Tensor(bHh, new int[] {rows}, db.clone()));
    }

    @Override
    public List<NativeTensor> tensors() {
        return List.of(w, rw, b);
    }

    private static float[] values(Map<String, INDArray> g, NativeTensor t) {
        INDArray a = g.get(t.name());
        return a == null ? new float[(int) t.array().length()] : NativeArrays.read(a);
    }

    // canonical is (G*H, cols) row-major, native is (cols, G*H) with column blocks in the native order
    private float[] toNative(float[] canonical, int cols) {
        int rows = order.length * hidden;
        float[] n = new float[canonical.length];
        for (int q = 0; q < order.length; q++) {
            for (int j = 0; j < hidden; j++) {
                int r = order[q] * hidden + j;
                int col = q * hidden + j;
                for (int i = 0; i < cols; i++) {
                    n[i * rows + col] = canonical[r * cols + i];
                }
            }
        }
        return n;
    }

    private float[] toCanonical(float[] nat, int cols) {
        int rows = order.length * hidden;
        float[] c = new float[nat.length];
        for (int q = 0; q < order.length; q++) {
            for (int j = 0; j < hidden; j++) {
                int r = order[q] * hidden + j;
                int col = q * hidden + j;
                for (int i = 0; i < cols; i++) {
                    c[r * cols + i] = nat[i * rows + col];
                }
            }
        }
        return c;
    }

    private float[] permuteToNative(float[] canonical) {
        float[] n = new float[canonical.length];
        for (int q = 0; q < order.length; q++) {
            System.arraycopy(canonical, order[q] * hidden, n, q * hidden, hidden);
        }
        return n;
    }

    private float[] permuteToCanonical(float[] nat) {
        float[] c = new float[nat.length];
        for (int q = 0; q < order.length; q++) {
            System.arraycopy(nat, q * hidden, c, order[q] * hidden, hidden);
        }
        return c;
    }
}
