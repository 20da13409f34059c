package org.rnnbench.harness.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnnbench.core.weights.RelativeError;
import org.rnnbench.core.weights.Tensor;
import org.rnnbench.harness.worker.ProbeTensors;

/**
 * The differences between two backends' probes of the same stack, per tensor group: {@code output},
 * {@code h_n}, {@code c_n} (LSTM), {@code grad/input} and {@code grad/weights} (every weight gradient). A group's
 * relative error is the largest {@link RelativeError#relative} of its tensors, with the reference backend's values
 * as expected; its absolute error the largest absolute difference.
 *
 * @param reference the backend taken as expected
 * @param other     the backend compared with it
 * @param groups    group name to its errors, in the order above
 */
public record PairComparison(String reference, String other, Map<String, Errors> groups) {
    /** The group of all weight gradients. */
    public static final String GRAD_WEIGHTS = "grad/weights";
    /** The groups, in display order. */
    public static final List<String> GROUPS = List.of(ProbeTensors.OUTPUT, ProbeTensors.H_N, ProbeTensors.C_N,
        ProbeTensors.GRAD_INPUT, GRAD_WEIGHTS);

    /**
     * The errors of a group.
     *
     * @param absolute the largest absolute difference
     * @param relative the largest relative error
     * @param worst    the tensor with the largest relative error
     */
    public record Errors(double absolute, double relative, String worst) {
    }

    /** Compares two probes' tensors by name (both must hold the same names and shapes). */
    public static PairComparison of(String reference, Map<String, Tensor> expected, String other,
                                    Map<String, Tensor> actual) {
        Map<String, Errors> groups = new LinkedHashMap<>();
        for (String group : GROUPS) {
            double abs = 0;
            double rel = 0;
            String worst = null;
            for (String name : names(expected, group)) {
                Tensor e = expected.get(name);
                Tensor a = actual.get(name);
                if (a == null || !a.sameShape(e.shape())) {
                    throw new IllegalStateException(other + " returned " + (a == null ? "no " + name : name + " of"
                        + " shape " + a.shapeText()) + " where " + reference + " has " + e.shapeText());
                }
                abs = Math.max(abs, RelativeError.maxAbsolute(a.data(), e.data()));
                double r = RelativeError.relative(a.data(), e.data());
                if (worst == null || r > rel) {
                    rel = Math.max(rel, r);
                    worst = name;
                }
            }
            if (worst != null) {
                groups.put(group, new Errors(abs, rel, worst));
            }
        }
        return new PairComparison(reference, other, groups);
    }

    /** The largest relative error over all groups. */
    public double maxRelative() {
        return groups.values().stream().mapToDouble(Errors::relative).max().orElse(0);
    }

    private static List<String> names(Map<String, Tensor> tensors, String group) {
        List<String> names = new ArrayList<>();
        for (String name : tensors.keySet()) {
            boolean match = group.equals(GRAD_WEIGHTS) ? name.startsWith(ProbeTensors.GRAD)
                && !name.equals(ProbeTensors.GRAD_INPUT) : name.equals(group);
            if (match) {
                names.add(name);
            }
        }
        return names;
    }
}
