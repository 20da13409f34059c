package org.rnnbench.harness.verify;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnnbench.core.weights.SafeTensors;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.harness.fork.WorkerLauncher;
import org.rnnbench.harness.fork.WorkerSettings;
import org.rnnbench.harness.fork.WorkerProcess;
import org.rnnbench.harness.worker.JobFiles;
import org.rnnbench.harness.worker.ProbeJob;

/**
 * Runs {@code verify}'s probes: writes each case's weights and input as safetensors into a work directory, starts
 * one worker JVM per backend (its thread settings applied) that probes every case, and reads the tensors back.
 */
public final class ProbeRunner {
    private final Path work;
    private final WorkerLauncher launcher;
    private final PrintWriter err;

    /** A runner writing into {@code work}. */
    public ProbeRunner(Path work, WorkerSettings workers, PrintWriter err) {
        this.work = work;
        this.launcher = new WorkerLauncher(workers);
        this.err = err;
    }

    /**
     * What one backend computed for one case: its tensors, or why there are none.
     *
     * @param tensors     the probe's tensors by name, null on failure or when unsupported
     * @param error       the one-line reason of a failure, null otherwise
     * @param unsupported why the backend does not run this cell at all, null otherwise
     */
    public record Result(Map<String, Tensor> tensors, String error, String unsupported) {
    }

    /** Every backend's result for every case: backend id to case name to result. */
    public Map<String, Map<String, Result>> run(Map<String, VerifyCase> cases, List<String> backends)
        throws IOException, InterruptedException {
        Map<String, ProbeJob.Probe> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, VerifyCase> e : cases.entrySet()) {
            Path weights = work.resolve(e.getKey() + ".weights.safetensors");
            Path input = work.resolve(e.getKey() + ".input.safetensors");
            e.getValue().weights().write(weights);
            SafeTensors.write(input, List.of(e.getValue().input()), Map.of());
            inputs.put(e.getKey(), new ProbeJob.Probe(e.getValue().cell().cell().id(), weights.toString(),
                input.toString(), null));
        }
        Map<String, Map<String, Result>> results = new LinkedHashMap<>();
        for (String backend : backends) {
            err.println("rnnbench: probing on " + backend);
            err.flush();
            String file = backend.replace(':', '_');
            List<ProbeJob.Probe> probes = new ArrayList<>();
            for (Map.Entry<String, ProbeJob.Probe> e : inputs.entrySet()) {
                ProbeJob.Probe p = e.getValue();
                probes.add(new ProbeJob.Probe(p.cell(), p.weightsFile(), p.inputFile(),
                    work.resolve(e.getKey() + "." + file + ".out.safetensors").toString()));
            }
            Path job = work.resolve(file + ".job.json");
            JobFiles.write(job, new ProbeJob(backend, probes));
            Path log = work.resolve(file + ".log");
            WorkerProcess w = launcher.start("probe", job, backend, log, e -> { });
            int code = w.waitFor();
            List<String> tail = w.logTail(1);
            String crash = "the " + backend + " worker JVM ended with exit code " + code
                + (tail.isEmpty() ? "" : ": " + tail.get(0).strip());
            Map<String, Result> byCase = new LinkedHashMap<>();
            int i = 0;
            for (String name : inputs.keySet()) {
                byCase.put(name, read(Path.of(probes.get(i++).outputFile()), crash));
            }
            results.put(backend, byCase);
        }
        return results;
    }

    private static Result read(Path out, String crash) throws IOException {
        Path unsupported = Path.of(out + ProbeJob.UNSUPPORTED_SUFFIX);
        if (Files.exists(unsupported)) {
            return new Result(null, null, Files.readString(unsupported, StandardCharsets.UTF_8).strip());
        }
        Path error = Path.of(out + ProbeJob.ERROR_SUFFIX);
        if (Files.exists(error)) {
            return new Result(null, Files.readString(error, StandardCharsets.UTF_8).strip(), null);
        }
        if (!Files.exists(out)) {
            return new Result(null, crash, null);
        }
        return new Result(SafeTensors.read(out), null, null);
    }
}
