package org.rnnbench.harness.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.Init;
import org.rnnbench.core.weights.Initializer;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.harness.UsageException;
import org.rnnbench.harness.store.UserPaths;

/**
 * What {@code verify} runs on every backend for one cell: a recurrent stack's weights (PyTorch names) and an
 * input (B, T, I), each random or read from a safetensors file.
 *
 * @param cell        the stack
 * @param weights     its weights
 * @param input       tensor {@code input} (B, T, I)
 * @param description where the weights and input came from, for the report
 */
public record VerifyCase(CellSpec cell, CanonicalWeights weights, Tensor input, String description) {
    /** The tensor name of an input file. */
    public static final String INPUT = "input";

    /** Random weights of a scheme and seed, and a random input U(-1, 1) from the seed. */
    public static VerifyCase random(CellSpec cell, Init init, long seed, int batch, int time) {
        CanonicalWeights w = Initializer.initialize(cell, init, seed);
        return new VerifyCase(cell, w, randomInput(batch, time, cell.inputSize(), seed), "random weights (" + init.id()
            + ", seed " + seed + ")");
    }

    /** Input values U(-1, 1), drawn from a stream separate from the weights'. */
    static Tensor randomInput(int batch, int time, int inputSize, long seed) {
        SplittableRandom r = new SplittableRandom(seed).split();
        float[] x = new float[batch * time * inputSize];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        return new Tensor(INPUT, new int[] {batch, time, inputSize}, x);
    }

    /**
     * Weights read from a PyTorch state_dict saved as safetensors; layers and sizes come from the file.
     *
     * @throws UsageException when the file is missing, corrupt or not a stack of {@code cell}
     */
    public static CellSpecAndWeights readWeights(Path file, CellType cell) {
        Map<String, Tensor> tensors = readFile("--weights", file);
        try {
            CellSpec spec = ParameterLayout.inferCellSpec(tensors, cell);
            return new CellSpecAndWeights(spec, new CanonicalWeights(ParameterLayout.of(spec), tensors));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--weights " + file + ": " + UsageException.firstLine(e.getMessage())
                + " (is --cell " + cell.id() + " the cell the file holds?)");
        }
    }

    /**
     * A weights file's stack and weights.
     *
     * @param cell    the stack the file holds
     * @param weights its weights
     */
    public record CellSpecAndWeights(CellSpec cell, CanonicalWeights weights) {
    }

    /**
     * The input tensor of a file: {@code input} of shape (B, T, I) with I the stack's input size.
     *
     * @throws UsageException when the file is missing, corrupt, lacks the tensor or has the wrong shape
     */
    public static Tensor readInput(Path file, CellSpec cell, int maxBatch, int maxTime) {
        Map<String, Tensor> tensors = readFile("--input", file);
        Tensor x = tensors.get(INPUT);
        if (x == null) {
            throw new UsageException("--input " + file + ": no tensor '" + INPUT + "'; the file must hold 'input' of"
                + " shape (batch, time, " + cell.inputSize() + "), batch first; found " + tensors.keySet());
        }
        if (x.rank() != 3 || x.dim(2) != cell.inputSize() || x.dim(0) < 1 || x.dim(1) < 1) {
            throw new UsageException("--input " + file + ": tensor 'input' has shape " + x.shapeText() + "; it must be"
                + " (batch, time, " + cell.inputSize() + "), batch first, with the weights' input size "
                + cell.inputSize());
        }
        if (x.dim(0) > maxBatch || x.dim(1) > maxTime) {
            throw new UsageException("--input " + file + ": shape " + x.shapeText() + " is too large; verify takes"
                + " batch up to " + maxBatch + " and time up to " + maxTime);
        }
        return new Tensor(INPUT, x.shape(), x.data());
    }

    private static Map<String, Tensor> readFile(String option, Path file) {
        UserPaths.requireInputFile(option, file, "a safetensors file");
        try {
            return SafeTensors.read(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(option + " " + file + ": no such file; give a safetensors file");
        } catch (IOException e) {
            throw new UsageException(option + " " + file + ": cannot be read (" + UsageException.firstLine(
                e.getMessage()) + ")");
        } catch (RuntimeException e) {
            throw new UsageException(option + " " + file + ": not a valid safetensors file ("
                + UsageException.firstLine(e.getMessage()) + ")");
        }
    }
}
