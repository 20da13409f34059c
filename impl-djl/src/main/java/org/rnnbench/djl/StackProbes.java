package org.rnnbench.djl;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.djl.nn.Nd;
import org.rnnbench.djl.nn.RecurrentStack;
import org.rnnbench.djl.nn.StackKind;
import org.rnnbench.djl.nn.StackRun;

/**
 * {@link org.rnnbench.core.backend.Backend#probeStack} on DJL: a stack alone, zero initial states, every sequence
 * over all T steps, and the gradients of {@code L = 0.5 * sum(output^2)}; all arrays in one manager closed at the
 * end.
 */
final class StackProbes {
    private StackProbes() {
    }

    static StackProbe run(Engine engine, StackKind kind, CellSpec cell, CanonicalWeights weights, Sequences input) {
        synchronized (DjlEngine.RECORDING) {
            DjlEngine.prepareThread();
            return recorded(engine, kind, cell, weights, input);
        }
    }

    private static StackProbe recorded(Engine engine, StackKind kind, CellSpec cell, CanonicalWeights weights,
                                       Sequences input) {
        ParameterLayout layout = ParameterLayout.of(cell);
        layout.check(weights.asMap(), "the stack weights");
        if (input.isIds() || input.width() != cell.inputSize()) {
            throw new IllegalArgumentException("a stack probe needs dense input of width " + cell.inputSize()
                + ", got " + input);
        }
        int batch = input.batch();
        try (NDManager manager = engine.newBaseManager()) {
            RecurrentStack stack = kind.create(manager, cell);
            stack.parameters().forEach((name, p) -> p.set(new NDIndex("..."),
                manager.create(weights.data(name), p.getShape())));
            NDArray x = Nd.values(manager, input.values(), batch, input.time(), cell.inputSize());
            x.setRequiresGradient(true);
            NDArray h0 = Nd.zeros(manager, cell.layers(), batch, cell.hiddenSize());
            NDArray c0 = cell.cell().hasCellState() ? Nd.zeros(manager, cell.layers(), batch, cell.hiddenSize())
                : null;
            StackRun run;
            try (GradientCollector collector = engine.newGradientCollector()) {
                run = stack.run(manager, x, h0, c0, null, false);
                collector.backward(run.top().square().sum().mul(0.5f));
            }
            Map<String, Tensor> grads = new LinkedHashMap<>();
            stack.parameters().forEach((name, p) -> grads.put(name,
                new Tensor(name, layout.get(name).shape(), p.getGradient().toFloatArray())));
            return new StackProbe(run.top().toFloatArray(), run.hN().toFloatArray(),
                run.cN() == null ? null : run.cN().toFloatArray(), x.getGradient().toFloatArray(),
                new CanonicalWeights(layout, grads));
        }
    }
}
