package org.rnnbench.harness.worker;

import java.util.List;

/**
 * The stack probes one worker JVM runs for {@code verify}, all on one backend.
 *
 * @param backend the backend id
 * @param probes  the probes, in order
 */
public record ProbeJob(String backend, List<Probe> probes) {

    /**
     * One probe: a recurrent stack on an input.
     *
     * @param cell        the cell id
     * @param weightsFile safetensors with the stack's PyTorch state_dict
     * @param inputFile   safetensors with tensor {@code input} (B, T, I)
     * @param outputFile  where to write {@link ProbeTensors} as safetensors; on failure the one-line reason goes
     *                    to this name with {@link #ERROR_SUFFIX} appended, and when the backend does not run the
     *                    cell at all, its reason to this name with {@link #UNSUPPORTED_SUFFIX} appended
     */
    public record Probe(String cell, String weightsFile, String inputFile, String outputFile) {
    }

    /** The suffix of a probe's error file. */
    public static final String ERROR_SUFFIX = ".error";
    /** The suffix of the file saying why a backend does not run a probe's cell. */
    public static final String UNSUPPORTED_SUFFIX = ".unsupported";
}
