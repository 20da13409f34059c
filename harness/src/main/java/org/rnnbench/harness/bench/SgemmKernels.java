package org.rnnbench.harness.bench;

import java.util.Map;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.Sgemm;

/** The matrix products of the backends ({@link Backend#sgemms}) by {@code backend/name}, e.g. {@code dl4j/openblas}. */
final class SgemmKernels {
    private SgemmKernels() {
    }

    /**
     * The product of {@code kernel} on the operands of {@code shape}, on one thread.
     *
     * @throws IllegalArgumentException naming the backend's kernels when it has no such kernel
     */
    static Sgemm.Product prepare(String kernel, GemmShape shape) {
        int slash = kernel.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("kernel '" + kernel + "' should be a backend id, a slash and the"
                + " name of one of the backend's kernels");
        }
        Backend backend = Backends.get(kernel.substring(0, slash));
        Map<String, Sgemm> sgemms = backend.sgemms();
        Sgemm sgemm = sgemms.get(kernel.substring(slash + 1));
        if (sgemm == null) {
            throw new IllegalArgumentException("the " + backend.id() + " backend has no kernel '"
                + kernel.substring(slash + 1) + "'; it has " + sgemms.keySet());
        }
        ForkSettings.apply(backend, 1);
        return sgemm.prepare(shape.m, shape.k, shape.n, shape.a(), shape.b());
    }
}
