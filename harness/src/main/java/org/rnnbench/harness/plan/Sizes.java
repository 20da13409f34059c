package org.rnnbench.harness.plan;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.rnnbench.core.cost.Costs;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.weights.ParameterLayout;
import org.rnnbench.core.weights.ParameterShape;
import org.rnnbench.harness.UsageException;

/**
 * Rejects sizes that cannot run on this machine before anything starts: a weight tensor beyond a Java array, or a
 * model whose training memory would exceed half the physical memory (a worker JVM's heap and a framework's native
 * buffers share it). The estimate is deliberately rough: parameters times {@value #PARAMETER_COPIES} (weights,
 * gradients, two Adam moments, the framework's own copy), plus the BPTT cache, {@value #ACTIVATION_COPIES} floats
 * per gate value per step per sequence per layer.
 */
public final class Sizes {
    static final int PARAMETER_COPIES = 5;
    static final int ACTIVATION_COPIES = 3;

    private Sizes() {
    }

    /** The bytes of physical memory, or a generous 64 GB when the JVM cannot say. */
    public static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 64L << 30;
    }

    /** The estimated training memory in bytes of a model on batches of {@code batch} x {@code steps}. */
    public static double trainingBytes(ModelSpec model, int batch, int steps) {
        double params = Costs.parameters(model);
        CellSpec cell = model.cellSpec();
        double cache = (double) batch * steps * cell.layers() * (cell.gateRows() + 2.0 * cell.hiddenSize())
            * (model.hasDecoder() ? 2 : 1);
        return 4.0 * (PARAMETER_COPIES * params + ACTIVATION_COPIES * cache);
    }

    /**
     * Checks that a model fits.
     *
     * @param what   names the configuration in a message, e.g. {@code lstm hidden 40000 on adding-T50}
     * @param steps  the recurrent steps of one batch
     * @throws UsageException saying which size is too large and what fits
     */
    public static void check(String what, ModelSpec model, int batch, int steps, long memory) {
        for (ParameterShape p : ParameterLayout.of(model).parameters()) {
            long n = 1;
            for (int d : p.shape()) {
                n *= d;
            }
            if (n > Integer.MAX_VALUE - 8) {
                throw new UsageException(what + ": tensor " + p.name() + " would hold " + n + " values, more than a"
                    + " Java array can (2^31); use a smaller --hidden");
            }
        }
        double bytes = trainingBytes(model, batch, steps);
        if (bytes > memory / 2.0) {
            throw new UsageException(String.format(Locale.ROOT, "%s: training would need about %.1f GB (%d"
                + " parameters, batch %d x %d steps), more than half of this machine's %.1f GB; use a smaller"
                + " --hidden, --layers or --batch", what, bytes / 1e9, Costs.parameters(model), batch, steps,
                memory / 1e9));
        }
    }
}
