package org.rnnbench.harness.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.StackProbe;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;
import org.rnnbench.core.spec.InputEncoding;
import org.rnnbench.core.spec.LossType;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.Topology;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.weights.CanonicalWeights;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.core.weights.Tensor;

/**
 * Runs a {@link ProbeJob}: for each probe reads weights and input, probes the backend's stack and writes
 * {@link ProbeTensors}; a probe the backend fails gets an error file with the reason instead, a cell the backend
 * does not run at all an unsupported file, and the next probe runs.
 */
final class ProbeWorker {
    /** The name of the input tensor in an input file. */
    static final String INPUT = "input";

    private ProbeWorker() {
    }

    static int run(ProbeJob job) throws IOException {
        Backend backend = Backends.get(job.backend());
        for (ProbeJob.Probe probe : job.probes()) {
            try {
                Optional<String> unsupported = unsupported(backend, CellType.parse(probe.cell()));
                if (unsupported.isPresent()) {
                    Files.writeString(Path.of(probe.outputFile() + ProbeJob.UNSUPPORTED_SUFFIX), unsupported.get(),
                        StandardCharsets.UTF_8);
                    continue;
                }
                probe(backend, probe);
            } catch (Throwable t) { // the backend's failure on this probe is the result
                t.printStackTrace(System.err);
                Files.writeString(Path.of(probe.outputFile() + ProbeJob.ERROR_SUFFIX), UnitTrainer.describe(t),
                    StandardCharsets.UTF_8);
            }
        }
        return 0;
    }

    /**
     * Why a backend does not run a cell at all (a variant made for one cell, say), asked of the backend for the
     * simplest model around a stack of that cell; sizes never matter to the answer.
     */
    static Optional<String> unsupported(Backend backend, CellType cell) {
        ModelSpec model = new ModelSpec(new InputEncoding.Dense(1), cell, 1, 1, Topology.MANY_TO_MANY, 1,
            LossType.MSE);
        return backend.unsupportedReason(model, TrainSpec.sgd(0.1, 1, 1, 0));
    }

    private static void probe(Backend backend, ProbeJob.Probe job) throws IOException {
        Map<String, Tensor> tensors = SafeTensors.read(Path.of(job.weightsFile()));
        CellSpec cell = ParameterLayout.inferCellSpec(tensors, CellType.parse(job.cell()));
        CanonicalWeights weights = new CanonicalWeights(ParameterLayout.of(cell), tensors);
        Tensor x = SafeTensors.read(Path.of(job.inputFile())).get(INPUT);
        int batch = x.dim(0);
        int time = x.dim(1);
        StackProbe probe = backend.probeStack(cell, weights, Sequences.dense(batch, time, x.dim(2), x.data()));
        SafeTensors.write(Path.of(job.outputFile()), ProbeTensors.of(probe, cell, batch, time),
            Map.of("backend", backend.id()));
    }
}
