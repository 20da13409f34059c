package org.rnnbench.core.spec;

/**
 * A stack of recurrent layers: cell type, the first layer's input size, the hidden size H of every layer and the
 * number of layers L. Layer k reads x (size {@code inputSize}) for k = 0 and the hidden state of layer k-1 (size H)
 * otherwise. Initial states are zero unless a topology says otherwise.
 *
 * @param cell       the cell equations
 * @param inputSize  I, the size of x_t
 * @param hiddenSize H
 * @param layers     L, at least 1
 */
public record CellSpec(CellType cell, int inputSize, int hiddenSize, int layers) {

    /** The largest hidden or input size accepted (weights beyond this would not fit a Java array). */
    public static final int MAX_SIZE = 1 << 15;

    /** Validates sizes. */
    public CellSpec {
        Check.present("cell", cell);
        Check.inRange("input size", inputSize, 1, MAX_SIZE);
        Check.inRange("hidden size", hiddenSize, 1, MAX_SIZE);
        Check.inRange("layers", layers, 1, 64);
    }

    /** The input size of layer k: I for k = 0, H above. */
    public int layerInputSize(int k) {
        Check.inRange("layer", k, 0, layers - 1);
        return k == 0 ? inputSize : hiddenSize;
    }

    /** G*H, the rows of every weight matrix and bias of a layer. */
    public int gateRows() {
        return cell.gates() * hiddenSize;
    }

    /** Short description for run names, e.g. {@code lstm[hidden=128,layers=1]}. */
    public String id() {
        return cell.id() + "[hidden=" + hiddenSize + ",layers=" + layers + "]";
    }
}
